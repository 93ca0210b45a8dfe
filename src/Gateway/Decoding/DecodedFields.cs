using System.Globalization;
using System.Text.Json;

namespace Gateway.Decoding;

/// <summary>
/// How the decode JSON writes a parameter's typed fields, the same for ISUP and M3UA: a <c>fields</c> object, and enums
/// as their number and, when named, their name — the number is what the trace shows, the name what it means.
/// </summary>
internal static class DecodedFields
{
    public static void Open(Utf8JsonWriter json) => json.WriteStartObject("fields");

    public static void Enum<T>(Utf8JsonWriter json, string property, T value)
        where T : struct, System.Enum
    {
        json.WriteStartObject(property);
        EnumBody(json, value);
        json.WriteEndObject();
    }

    /// <summary>The number and name of <paramref name="value"/> inside an object the caller has opened.</summary>
    public static void EnumBody<T>(Utf8JsonWriter json, T value)
        where T : struct, System.Enum
    {
        json.WriteNumber("value", Convert.ToInt64(value, CultureInfo.InvariantCulture));
        if (System.Enum.IsDefined(value)) json.WriteString("name", value.ToString());
    }
}
