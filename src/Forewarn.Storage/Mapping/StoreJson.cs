using System.Text.Json;
using System.Text.Json.Serialization;
using Forewarn.Domain.Common;

namespace Forewarn.Storage.Mapping;

/// <summary>How small value lists are written into JSON columns.</summary>
internal static class StoreJson
{
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var o = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        o.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        o.Converters.Add(new ArtifactIdConverter());
        return o;
    }

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)!;

    public static object Read(string json, Type type) => JsonSerializer.Deserialize(json, type, Options)!;

    private sealed class ArtifactIdConverter : JsonConverter<ArtifactId>
    {
        public override ArtifactId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            new(reader.GetGuid());

        public override void Write(Utf8JsonWriter writer, ArtifactId value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.Value);
    }
}
