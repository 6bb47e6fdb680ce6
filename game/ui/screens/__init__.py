"""The screens: handlers in a stack that return the next handler, a stack change, or an action."""
