using System.Globalization;
using Serilog.Events;
using Serilog.Parsing;

namespace Gateway.Logging;

/// <summary>
/// Renders a Serilog message template for operators. Unlike <see cref="LogEvent.RenderMessage(IFormatProvider?)"/>,
/// string (and char) scalars are written without quotes so that templates such as
/// <c>event={Event} config={Path}</c> produce plain <c>key=value</c> text; other scalars are
/// formatted with the invariant culture; a property missing from the event is written as its
/// token text (e.g. <c>{Name}</c>). Structured values (sequences, structures, dictionaries) keep
/// Serilog's own rendering.
/// </summary>
public static class MessageRenderer
{
    private const string NullText = "null";

    /// <summary>Renders the event's message template with its properties.</summary>
    public static void Render(LogEvent logEvent, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        Render(logEvent.MessageTemplate, logEvent.Properties, output);
    }

    /// <summary>Renders the event's message to a new string.</summary>
    public static string Render(LogEvent logEvent)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Render(logEvent, writer);
        return writer.ToString();
    }

    /// <summary>Renders <paramref name="template"/> with <paramref name="properties"/>.</summary>
    public static void Render(
        MessageTemplate template,
        IReadOnlyDictionary<string, LogEventPropertyValue> properties,
        TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(properties);
        ArgumentNullException.ThrowIfNull(output);

        foreach (MessageTemplateToken token in template.Tokens)
        {
            switch (token)
            {
                case TextToken text:
                    output.Write(text.Text);
                    break;
                case PropertyToken property:
                    RenderProperty(property, properties, output);
                    break;
                default:
                    output.Write(token.ToString());
                    break;
            }
        }
    }

    /// <summary>
    /// Writes one property value: strings and chars unquoted, other scalars invariant-culture
    /// with <paramref name="format"/>, structured values as Serilog renders them.
    /// </summary>
    public static void RenderValue(LogEventPropertyValue value, string? format, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(output);

        if (value is ScalarValue scalar)
        {
            RenderScalar(scalar.Value, format, output);
        }
        else
        {
            value.Render(output, format, CultureInfo.InvariantCulture);
        }
    }

    /// <summary>Writes a scalar's underlying value the way <see cref="RenderValue"/> does.</summary>
    internal static void RenderScalar(object? value, string? format, TextWriter output)
    {
        switch (value)
        {
            case null:
                output.Write(NullText);
                return;
            case string s:
                output.Write(s);
                return;
            case char c:
                output.Write(c);
                return;
            case ISpanFormattable spanFormattable:
                {
                    Span<char> scratch = stackalloc char[128];
                    if (spanFormattable.TryFormat(scratch, out int written, format, CultureInfo.InvariantCulture))
                    {
                        output.Write(scratch[..written]);
                    }
                    else
                    {
                        output.Write(spanFormattable.ToString(format, CultureInfo.InvariantCulture));
                    }

                    return;
                }

            case IFormattable formattable:
                output.Write(formattable.ToString(format, CultureInfo.InvariantCulture));
                return;
            default:
                output.Write(value.ToString());
                return;
        }
    }

    private static void RenderProperty(
        PropertyToken token,
        IReadOnlyDictionary<string, LogEventPropertyValue> properties,
        TextWriter output)
    {
        if (!properties.TryGetValue(token.PropertyName, out LogEventPropertyValue? value))
        {
            output.Write(token.ToString());
            return;
        }

        if (token.Alignment is not { } alignment)
        {
            RenderValue(value, token.Format, output);
            return;
        }

        // Alignment is rare in our templates: render to a temporary string and pad.
        using var temp = new StringWriter(CultureInfo.InvariantCulture);
        RenderValue(value, token.Format, temp);
        string text = temp.ToString();
        int pad = alignment.Width - text.Length;
        if (pad > 0 && alignment.Direction == AlignmentDirection.Right)
        {
            WritePadding(output, pad);
        }

        output.Write(text);
        if (pad > 0 && alignment.Direction == AlignmentDirection.Left)
        {
            WritePadding(output, pad);
        }
    }

    private static void WritePadding(TextWriter output, int count)
    {
        for (int i = 0; i < count; i++)
        {
            output.Write(' ');
        }
    }
}
