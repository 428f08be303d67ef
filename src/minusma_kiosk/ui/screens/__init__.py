"""The exhibit's screens. They never import each other; the router connects them."""
