using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Gateway.Configuration;

/// <summary>
/// A JSON object being read into typed configuration. Every read records its JSON path, so a defect is reported
/// with the key an operator has to fix, and reading goes on after a defect so that one run reports all of them.
/// Keys nobody asked for are reported too: a misspelt key silently ignored is a default the operator did not choose.
/// </summary>
internal sealed class JsonSection
{
    private readonly JsonElement _element;
    private readonly List<ConfigurationError> _errors;
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);

    public JsonSection(JsonElement element, string path, List<ConfigurationError> errors)
    {
        _element = element;
        Path = path;
        _errors = errors;
    }

    public string Path { get; }

    public void Error(string key, string message) => _errors.Add(new ConfigurationError(PathOf(key), message));

    public void Error(string message) => _errors.Add(new ConfigurationError(Path, message));

    public string PathOf(string key) => Path + "." + key;

    private bool TryGet(string key, out JsonElement value)
    {
        _known.Add(key);
        if (_element.TryGetProperty(key, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }
        return false;
    }

    public bool Has(string key) => _element.TryGetProperty(key, out var v) && v.ValueKind != JsonValueKind.Null;

    public string? String(string key, string? fallback = null, bool required = false)
    {
        if (!TryGet(key, out var value))
        {
            if (required) Error(key, "is required");
            return fallback;
        }
        if (value.ValueKind != JsonValueKind.String)
        {
            Error(key, $"must be a string, not {Describe(value)}");
            return fallback;
        }
        return value.GetString();
    }

    public int Int(string key, int fallback, int min, int max, bool required = false)
    {
        if (!TryGet(key, out var value))
        {
            if (required) Error(key, "is required");
            return fallback;
        }
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out long number))
        {
            Error(key, $"must be a whole number from {min} to {max}, not {Describe(value)}");
            return fallback;
        }
        if (number < min || number > max)
        {
            Error(key, $"must be from {min} to {max}, not {number}");
            return fallback;
        }
        return (int)number;
    }

    /// <summary>
    /// Reads a whole number and leaves its range to the caller, for keys whose allowed values need more words than
    /// "from min to max" (a zero that turns something off, the standard a range comes from). Null when absent or not
    /// a whole number, which is reported as not being <paramref name="expected"/>.
    /// </summary>
    public long? WholeNumber(string key, string expected)
    {
        if (!TryGet(key, out var value)) return null;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out long number)) return number;
        Error(key, $"must be {expected}, not {Describe(value)}");
        return null;
    }

    public bool Bool(string key, bool fallback)
    {
        if (!TryGet(key, out var value)) return fallback;
        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False) return value.GetBoolean();
        Error(key, $"must be true or false, not {Describe(value)}");
        return fallback;
    }

    /// <summary>Reads one of a closed set of words; the message lists them, so the fix is in the error.</summary>
    public T Choice<T>(string key, T fallback, IReadOnlyList<(string Word, T Value)> choices, bool required = false)
    {
        string? word = String(key, required: required);
        if (word is null) return fallback;
        if (TryChoice(word, choices, out var value)) return value;
        var words = new string[choices.Count];
        for (int i = 0; i < words.Length; i++) words[i] = choices[i].Word;
        Error(key, $"must be one of {string.Join(", ", words)}, not \"{word}\"");
        return fallback;
    }

    public static bool TryChoice<T>(string word, IReadOnlyList<(string Word, T Value)> choices, out T value)
    {
        foreach (var (w, v) in choices)
        {
            if (string.Equals(w, word, StringComparison.OrdinalIgnoreCase))
            {
                value = v;
                return true;
            }
        }
        value = default!;
        return false;
    }

    public IPAddress? Address(string key, IPAddress? fallback = null, bool required = false)
    {
        string? text = String(key, required: required);
        if (text is null) return fallback;
        if (TryParseAddress(text, out var address))
        {
            return address;
        }
        Error(key, $"must be an IPv4 or IPv6 address, not \"{text}\"");
        return fallback;
    }

    /// <summary>
    /// Stricter than <see cref="IPAddress.TryParse(string?, out IPAddress?)"/>, which reads "1.2.3" as 1.2.0.3 and
    /// "10" as 0.0.0.10: an address in a carrier's configuration is written in full or it is a typo.
    /// </summary>
    public static bool TryParseAddress(string text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IPAddress? address)
    {
        address = null;
        if (text.Contains('%') || !IPAddress.TryParse(text, out var parsed)) return false;
        if (parsed.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && text.Count(c => c == '.') != 3) return false;
        address = parsed;
        return true;
    }

    public int Port(string key, int fallback, bool required = false) => Int(key, fallback, 1, 65535, required);

    public JsonSection? Section(string key, bool required = false)
    {
        if (!TryGet(key, out var value))
        {
            if (required) Error(key, "is required");
            return null;
        }
        if (value.ValueKind != JsonValueKind.Object)
        {
            Error(key, $"must be an object, not {Describe(value)}");
            return null;
        }
        return new JsonSection(value, PathOf(key), _errors);
    }

    /// <summary>Reads a section that may be absent as if it were <c>{}</c>, so its defaults apply and its keys are still checked.</summary>
    public JsonSection SectionOrEmpty(string key) => Section(key) ?? Empty(PathOf(key), _errors);

    public IReadOnlyList<T> Array<T>(string key, Func<JsonSection, T> readItem, bool required = false)
    {
        if (!TryGet(key, out var value))
        {
            if (required) Error(key, "is required");
            return [];
        }
        if (value.ValueKind != JsonValueKind.Array)
        {
            Error(key, $"must be an array, not {Describe(value)}");
            return [];
        }
        var items = new List<T>(value.GetArrayLength());
        int index = 0;
        foreach (var item in value.EnumerateArray())
        {
            string itemPath = $"{PathOf(key)}[{index.ToString(CultureInfo.InvariantCulture)}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                _errors.Add(new ConfigurationError(itemPath, $"must be an object, not {Describe(item)}"));
            }
            else
            {
                var section = new JsonSection(item, itemPath, _errors);
                items.Add(readItem(section));
                section.RejectUnknownKeys();
            }
            index++;
        }
        return items;
    }

    public IReadOnlyList<string> StringList(string key, bool required = false)
    {
        if (!TryGet(key, out var value))
        {
            if (required) Error(key, "is required");
            return [];
        }
        if (value.ValueKind != JsonValueKind.Array)
        {
            Error(key, $"must be an array of strings, not {Describe(value)}");
            return [];
        }
        var items = new List<string>(value.GetArrayLength());
        int index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String) items.Add(item.GetString()!);
            else _errors.Add(new ConfigurationError($"{PathOf(key)}[{index.ToString(CultureInfo.InvariantCulture)}]", $"must be a string, not {Describe(item)}"));
            index++;
        }
        return items;
    }

    /// <summary>Reads an object whose keys are names chosen by the operator (for example logging categories).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> StringMap(string key)
    {
        if (!TryGet(key, out var value)) return [];
        if (value.ValueKind != JsonValueKind.Object)
        {
            Error(key, $"must be an object, not {Describe(value)}");
            return [];
        }
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var property in value.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.String)
            {
                _errors.Add(new ConfigurationError($"{PathOf(key)}.{property.Name}", $"must be a string, not {Describe(property.Value)}"));
                continue;
            }
            pairs.Add(new(property.Name, property.Value.GetString()!));
        }
        return pairs;
    }

    /// <summary>
    /// Reads an object mapping whole numbers to whole numbers written as its keys and values, e.g. a table override
    /// <c>{ "17": 486 }</c>; each key within <paramref name="keyMin"/>–<paramref name="keyMax"/>, each value within
    /// <paramref name="valueMin"/>–<paramref name="valueMax"/>.
    /// </summary>
    public IReadOnlyList<KeyValuePair<int, int>> IntegerMap(string key, int keyMin, int keyMax, int valueMin, int valueMax)
    {
        if (!TryGet(key, out var value)) return [];
        if (value.ValueKind != JsonValueKind.Object)
        {
            Error(key, $"must be an object, not {Describe(value)}");
            return [];
        }
        var pairs = new List<KeyValuePair<int, int>>();
        foreach (var property in value.EnumerateObject())
        {
            string path = $"{PathOf(key)}.{property.Name}";
            if (!int.TryParse(property.Name, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int k)
                || k < keyMin || k > keyMax)
            {
                _errors.Add(new ConfigurationError(path, $"the key must be a whole number from {keyMin} to {keyMax}"));
                continue;
            }
            if (property.Value.ValueKind != JsonValueKind.Number || !property.Value.TryGetInt32(out int v) || v < valueMin || v > valueMax)
            {
                _errors.Add(new ConfigurationError(path, $"must be a whole number from {valueMin} to {valueMax}, not {Describe(property.Value)}"));
                continue;
            }
            pairs.Add(new(k, v));
        }
        return pairs;
    }

    public void RejectUnknownKeys() => RejectUnknownKeys(static _ => null);

    /// <summary>
    /// Reports every key nobody read, with <paramref name="hint"/>'s word on it when it has one: where the likely
    /// mistake can be guessed (a unit left out of a key, a timer we do not run), the message says so.
    /// </summary>
    public void RejectUnknownKeys(Func<string, string?> hint)
    {
        foreach (var property in _element.EnumerateObject())
        {
            if (!_known.Contains(property.Name))
            {
                string? why = hint(property.Name);
                _errors.Add(new ConfigurationError(PathOf(property.Name), why is null ? "is not a known key" : "is not a known key; " + why));
            }
        }
    }

    public static JsonSection Empty(string path, List<ConfigurationError> errors)
    {
        using var document = JsonDocument.Parse("{}");
        return new JsonSection(document.RootElement.Clone(), path, errors);
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"\"{value.GetString()}\"",
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => "null",
    };
}
