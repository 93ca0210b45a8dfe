using System.Collections;
using System.Text;

namespace Gateway.Sip;

/// <summary>
/// The parameters of a header value or URI, in the order they were written. Lookups ignore the case of the name
/// and return the first parameter of that name.
/// </summary>
public sealed class SipParameterList : IReadOnlyList<SipParameter>
{
    private readonly SipParameter[] _items;

    /// <summary>A list with no parameters.</summary>
    public static SipParameterList Empty { get; } = new(Array.Empty<SipParameter>(), copy: false);

    /// <summary>A list of <paramref name="parameters"/>, in order.</summary>
    public SipParameterList(IEnumerable<SipParameter> parameters)
        : this(parameters.ToArray(), copy: false)
    {
    }

    private SipParameterList(SipParameter[] items, bool copy) => _items = copy ? (SipParameter[])items.Clone() : items;

    /// <summary>The number of parameters.</summary>
    public int Count => _items.Length;

    /// <summary>The parameter at <paramref name="index"/>.</summary>
    public SipParameter this[int index] => _items[index];

    /// <summary>Whether a parameter named <paramref name="name"/> is present (with or without a value).</summary>
    public bool Contains(string name) => IndexOf(name) >= 0;

    /// <summary>Looks up the first parameter named <paramref name="name"/>.</summary>
    /// <param name="name">The name, compared ignoring case.</param>
    /// <param name="value">Its value, or null when it has none.</param>
    /// <returns>Whether the parameter is present.</returns>
    public bool TryGetValue(string name, out string? value)
    {
        int index = IndexOf(name);
        value = index >= 0 ? _items[index].Value : null;
        return index >= 0;
    }

    /// <summary>The value of the first parameter named <paramref name="name"/>, or null when absent or valueless.</summary>
    public string? GetValueOrDefault(string name)
    {
        int index = IndexOf(name);
        return index >= 0 ? _items[index].Value : null;
    }

    /// <summary>The parameters in header syntax: <c>;a=b;c;d="e f"</c> (empty for an empty list).</summary>
    public override string ToString()
    {
        var builder = StringBuilderCache.Acquire();
        foreach (SipParameter parameter in _items)
        {
            parameter.AppendTo(builder);
        }

        return StringBuilderCache.GetStringAndRelease(builder);
    }

    /// <inheritdoc />
    public IEnumerator<SipParameter> GetEnumerator() => ((IEnumerable<SipParameter>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

    /// <summary>Wraps an array the caller will not touch again.</summary>
    internal static SipParameterList Wrap(SipParameter[] items) => items.Length == 0 ? Empty : new SipParameterList(items, copy: false);

    private int IndexOf(string name)
    {
        for (int i = 0; i < _items.Length; i++)
        {
            if (_items[i].Is(name))
            {
                return i;
            }
        }

        return -1;
    }
}
