using System.Text;

namespace Gateway.Sip;

/// <summary>
/// One <c>;name[=value]</c> parameter of a header value or URI. Names compare case-insensitively. For header
/// parameters <see cref="Value"/> is the text of the value with any quoted-string resolved (quotes removed, escapes
/// applied) and <see cref="IsQuoted"/> remembers that it was quoted; for URI parameters it is the unescaped value.
/// </summary>
/// <param name="Name">The parameter name as written.</param>
/// <param name="Value">The value, or null when the parameter has none (<c>;lr</c>).</param>
/// <param name="IsQuoted">Whether the value was (and will be written as) a quoted-string.</param>
public readonly record struct SipParameter(string Name, string? Value, bool IsQuoted = false)
{
    /// <summary>Whether the name is <paramref name="name"/>, ignoring case.</summary>
    public bool Is(string name) => string.Equals(Name, name, StringComparison.OrdinalIgnoreCase);

    /// <summary>Appends <c>;name[=value]</c> in header syntax (quoted values quoted again, escapes restored).</summary>
    internal void AppendTo(StringBuilder builder)
    {
        builder.Append(';').Append(Name);
        if (Value is not null)
        {
            builder.Append('=');
            if (IsQuoted)
            {
                SipSyntax.AppendQuoted(builder, Value);
            }
            else
            {
                builder.Append(Value);
            }
        }
    }

    /// <summary>The parameter in header syntax, without the leading semicolon.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder();
        AppendTo(builder);
        return builder.ToString(1, builder.Length - 1);
    }
}
