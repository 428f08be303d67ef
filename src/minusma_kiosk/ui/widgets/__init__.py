"""Reusable widgets. They get model objects in their constructor and never reach up."""
