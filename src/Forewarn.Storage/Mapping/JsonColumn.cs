using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Forewarn.Storage.Mapping;

/// <summary>Maps a value list or map to one JSON text column, compared by content.</summary>
internal static class JsonColumn
{
    public static PropertyBuilder<T> AsJson<T>(this PropertyBuilder<T> property) where T : class
    {
        property.HasConversion(
            v => StoreJson.Write(v),
            s => StoreJson.Read<T>(s),
            new ValueComparer<T>(
                (a, b) => StoreJson.Write(a) == StoreJson.Write(b),
                v => StoreJson.Write(v).GetHashCode(StringComparison.Ordinal),
                v => StoreJson.Read<T>(StoreJson.Write(v))));
        return property;
    }
}
