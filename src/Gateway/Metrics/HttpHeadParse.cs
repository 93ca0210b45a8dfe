namespace Gateway.Metrics;

/// <summary>What the bytes received so far say about an HTTP request head.</summary>
internal enum HttpHeadParse
{
    /// <summary>Nothing wrong yet, but the blank line that ends the head has not arrived.</summary>
    Incomplete,

    /// <summary>Not an HTTP/1.x request head: answer 400 without waiting for more.</summary>
    Invalid,

    Complete,
}
