"""The only package that imports Qt: main window, screens, item models, widgets."""
