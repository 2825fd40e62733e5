"""The only package that imports Qt: main window, screens, item models, widgets."""

from coapp.ui.qt_feature_hook import lighten

lighten()  # before the store's libraries load (see qt_feature_hook)
