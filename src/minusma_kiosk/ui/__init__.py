"""UI layer: widgets, screens, the shell and its router."""
