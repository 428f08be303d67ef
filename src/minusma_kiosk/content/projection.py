"""The map's projection: a Lambert conformal conic centred on Mali.

Both ``tools/build_map.py`` (which projects the raw map data offline) and the
app (which projects places and events at load time) use :data:`PROJECTION`, so
the two can never disagree. Coordinates are kilometres with y pointing north.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, overload

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]

#: Spherical earth (authalic radius), kilometres.
EARTH_RADIUS_KM = 6371.0

#: Short name of the projection as written in the map file.
PROJECTION_NAME = "lambert_conformal_conic"


@dataclass(frozen=True)
class LambertConformalConic:
    """A Lambert conformal conic projection on a sphere (Snyder 1987, §15).

    Parameters
    ----------
    lat1, lat2
        Standard parallels (degrees north), where the scale is exact.
    lat0
        Latitude of the origin (degrees north): ``y == 0`` there.
    lon0
        Central meridian (degrees east): ``x == 0`` there, and it is vertical.
    radius
        Radius of the sphere in kilometres.
    """

    lat1: float
    lat2: float
    lat0: float
    lon0: float
    radius: float = EARTH_RADIUS_KM
    _n: float = field(init=False, repr=False)
    _rf: float = field(init=False, repr=False)
    _rho0: float = field(init=False, repr=False)

    def __post_init__(self) -> None:
        p1, p2, p0 = (math.radians(v) for v in (self.lat1, self.lat2, self.lat0))
        if math.isclose(p1, p2):
            n = math.sin(p1)
        else:
            n = math.log(math.cos(p1) / math.cos(p2)) / math.log(
                math.tan(math.pi / 4 + p2 / 2) / math.tan(math.pi / 4 + p1 / 2)
            )
        rf = self.radius * math.cos(p1) * math.tan(math.pi / 4 + p1 / 2) ** n / n
        object.__setattr__(self, "_n", n)
        object.__setattr__(self, "_rf", rf)
        object.__setattr__(self, "_rho0", rf / math.tan(math.pi / 4 + p0 / 2) ** n)

    def params(self) -> dict[str, Any]:
        """Return the parameters as written in the map file."""
        return {
            "name": PROJECTION_NAME,
            "lat1": self.lat1,
            "lat2": self.lat2,
            "lat0": self.lat0,
            "lon0": self.lon0,
            "radius_km": self.radius,
            "units": "km",
            "y_axis": "north",
        }

    def forward(self, lon: npt.ArrayLike, lat: npt.ArrayLike) -> tuple[FloatArray, FloatArray]:
        """Project degrees to kilometres (arrays in, arrays out)."""
        lam = np.radians(np.asarray(lon, dtype=np.float64) - self.lon0)
        # Keep the longitude difference in (-180°, 180°] so the map never wraps.
        lam = (lam + np.pi) % (2 * np.pi) - np.pi
        phi = np.radians(np.asarray(lat, dtype=np.float64))
        rho = self._rf / np.tan(np.pi / 4 + phi / 2) ** self._n
        theta = self._n * lam
        return rho * np.sin(theta), self._rho0 - rho * np.cos(theta)

    def inverse(self, x: npt.ArrayLike, y: npt.ArrayLike) -> tuple[FloatArray, FloatArray]:
        """Unproject kilometres to degrees (arrays in, arrays out)."""
        xa = np.asarray(x, dtype=np.float64)
        dy = self._rho0 - np.asarray(y, dtype=np.float64)
        sign = 1.0 if self._n > 0 else -1.0
        rho = sign * np.hypot(xa, dy)
        theta = np.arctan2(sign * xa, sign * dy)
        phi = 2 * np.arctan((self._rf / rho) ** (1 / self._n)) - np.pi / 2
        lon = self.lon0 + np.degrees(theta / self._n)
        return (lon + 180.0) % 360.0 - 180.0, np.degrees(phi)


#: The projection of the exhibit's map. Mali spans about 10.1°N–25.0°N and
#: 12.3°W–4.3°E. The standard parallels follow the usual one-sixth rule for a
#: conic (one sixth of the latitude range in from each edge: 12.6° and 22.5°,
#: rounded to 12.5° and 22.5°), which keeps the scale error under 0.5 % across
#: the whole country and under 0.9 % in the 150 km margin around it. The
#: central meridian (4°W) and the origin's latitude (17.5°N) sit at the middle
#: of Mali's extent, so the country is drawn upright and centred on the origin.
PROJECTION = LambertConformalConic(lat1=12.5, lat2=22.5, lat0=17.5, lon0=-4.0)


@overload
def project(lon: float, lat: float) -> tuple[float, float]: ...
@overload
def project(lon: FloatArray, lat: FloatArray) -> tuple[FloatArray, FloatArray]: ...
def project(lon: Any, lat: Any) -> tuple[Any, Any]:
    """Project longitude/latitude (degrees) to map kilometres, y pointing north.

    Parameters
    ----------
    lon, lat
        Floats or numpy arrays of the same shape.

    Returns
    -------
    tuple
        ``(x, y)``: floats for float input, arrays for array input.
    """
    x, y = PROJECTION.forward(lon, lat)
    if np.ndim(x) == 0:
        return float(x), float(y)
    return x, y


@overload
def unproject(x: float, y: float) -> tuple[float, float]: ...
@overload
def unproject(x: FloatArray, y: FloatArray) -> tuple[FloatArray, FloatArray]: ...
def unproject(x: Any, y: Any) -> tuple[Any, Any]:
    """Return the longitude/latitude (degrees) of map kilometres; inverse of :func:`project`."""
    lon, lat = PROJECTION.inverse(x, y)
    if np.ndim(lon) == 0:
        return float(lon), float(lat)
    return lon, lat
