"""Small charts painted with QPainter in the theme's colours: axes, "nice" ticks, stacked or grouped
bars, lines with points, the read-out's index. No plotting library: the charts we draw are simple,
and one would cost the bundle numpy and OpenGL and the opening its import time."""
