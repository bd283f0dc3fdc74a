using AiSoc.Core.Normalizers.Telemetry;

namespace AiSoc.Core.Baselines;

/// <summary>Distances on the Earth's surface.</summary>
public static class GreatCircle
{
    /// <summary>Mean Earth radius in km (IUGG), accurate to about 0.5% for the haversine formula.</summary>
    public const double EarthRadiusKm = 6371.0088;

    /// <summary>Returns the great-circle distance in km between two points, by the haversine formula.</summary>
    public static double DistanceKm(GeoPoint from, GeoPoint to)
    {
        var latitude1 = ToRadians(from.Latitude);
        var latitude2 = ToRadians(to.Latitude);
        var deltaLatitude = latitude2 - latitude1;
        var deltaLongitude = ToRadians(to.Longitude - from.Longitude);

        var sinLatitude = Math.Sin(deltaLatitude / 2);
        var sinLongitude = Math.Sin(deltaLongitude / 2);
        var h = (sinLatitude * sinLatitude) + (Math.Cos(latitude1) * Math.Cos(latitude2) * sinLongitude * sinLongitude);

        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    private static double ToRadians(double degrees) => degrees * Math.PI / 180;
}
