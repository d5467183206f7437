"""The jobs engines: plain Python and numpy, no Django (design.md "Layout"), fed by selectors."""
