using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Json;

namespace Forewarn.Server.Hosting;

/// <summary>
/// The JSON rules for request bodies, in one place: enums by name, an object may not name the same
/// member twice (which of the two would count is anybody's guess), and a list of values may not hold
/// <c>null</c> unless its items are declared nullable. A body that breaks them is refused as
/// malformed JSON with the path of the offending member, before any service sees it.
/// </summary>
internal static class RequestJson
{
    public static void Configure(JsonOptions o)
    {
        o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
        o.SerializerOptions.AllowDuplicateProperties = false;
        o.SerializerOptions.TypeInfoResolver = (o.SerializerOptions.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver())
            .WithAddedModifier(RefuseNullItems);
    }

    private static void RefuseNullItems(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object || type.Type.Namespace?.StartsWith("Forewarn.", StringComparison.Ordinal) != true) return;
        var lists = type.Properties
            .Where(p => p.Get is not null && HoldsNonNullableItems(p))
            .Select(p => (p.Name, Get: p.Get!))
            .ToArray();
        if (lists.Length == 0) return;
        var before = type.OnDeserialized;
        type.OnDeserialized = value =>
        {
            before?.Invoke(value);
            foreach (var (name, get) in lists)
                if (get(value) is IEnumerable items && items.Cast<object?>().Any(item => item is null))
                    throw new JsonException($"The list '{name}' holds null as an item; leave the item out or send a value.");
        };
    }

    private static bool HoldsNonNullableItems(JsonPropertyInfo property)
    {
        var t = property.PropertyType;
        if (t == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(t) || IsDictionary(t)) return false;
        // A context per call: NullabilityInfoContext is not thread-safe, and type infos may be made on several threads at once.
        var nullability = new NullabilityInfoContext();
        var info = property.AttributeProvider switch
        {
            PropertyInfo p => nullability.Create(p),
            FieldInfo f => nullability.Create(f),
            _ => null,
        };
        var item = info switch
        {
            { ElementType: { } element } => element,
            { GenericTypeArguments: [var only] } => only,
            _ => null,
        };
        return item is not null && item.ReadState == NullabilityState.NotNull && !item.Type.IsValueType;
    }

    private static bool IsDictionary(Type t) =>
        typeof(IDictionary).IsAssignableFrom(t)
        || t.GetInterfaces().Append(t).Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>));
}
