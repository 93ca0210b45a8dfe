namespace Gateway.Sip;

/// <summary>
/// What identifies a transaction in the transaction layer's tables (RFC 3261 §17.1.3, §17.2.3): the branch of the
/// top Via, its sent-by (host[:port]) and the method. The layer above builds keys from parsed headers; the
/// transactions themselves never see them.
/// </summary>
/// <remarks>
/// <para>Server transactions (§17.2.3): branch, sent-by and method of the request, with two mappings:</para>
/// <list type="bullet">
/// <item><b>ACK</b> is looked up with method INVITE (<see cref="ForServer"/> does it): the ACK for a 300–699
/// response carries the INVITE's branch and belongs to its INVITE server transaction. The ACK for a 2xx has a branch
/// of its own, so it normally matches nothing and goes to the TU (the dialog); if it does match an INVITE server
/// transaction in Accepted, that transaction passes it to the TU (RFC 6026).</item>
/// <item><b>CANCEL</b> has a transaction of its own (key with method CANCEL, answered with 200 by a non-INVITE
/// server transaction); the INVITE server transaction it cancels has the same branch and sent-by with method INVITE
/// (<see cref="CancelledInviteKey"/>, RFC 3261 §9.2). If no such transaction exists the CANCEL is answered 481.</item>
/// </list>
/// <para>Client transactions (§17.1.3) are matched on the branch and the CSeq method only: the branch is ours and
/// unique, so <see cref="ForClient"/> leaves sent-by empty. A response to a CANCEL matches the CANCEL's client
/// transaction, not the INVITE's. Keep client and server keys in separate tables.</para>
/// <para>A branch without the RFC 3261 magic cookie (<see cref="HasRfc3261Branch"/> false) comes from an RFC 2543
/// element: such requests must be matched by the RFC 2543 rules (Request-URI, To tag, From tag, Call-ID, CSeq, top
/// Via), which this key does not cover.</para>
/// <para>Equality: the branch and sent-by are compared case-insensitively (tokens and host names, RFC 3261 §7.3.1);
/// the method case-sensitively (§7.1). The layer above should normalise sent-by (say, add the default port) before
/// building the key, because "host" and "host:5060" differ here.</para>
/// </remarks>
public readonly record struct TransactionKey
{
    /// <summary>The prefix of every RFC 3261 branch (§8.1.1.7).</summary>
    public const string MagicCookie = "z9hG4bK";

    /// <summary>Creates a key; prefer <see cref="ForServer"/> and <see cref="ForClient"/>, which apply the mappings above.</summary>
    /// <param name="branch">The top Via's branch parameter.</param>
    /// <param name="sentBy">The top Via's sent-by (host[:port]); empty for client keys.</param>
    /// <param name="method">The method the transaction was created for.</param>
    /// <exception cref="ArgumentException">The branch or method is empty.</exception>
    public TransactionKey(string branch, string sentBy, string method)
    {
        ArgumentException.ThrowIfNullOrEmpty(branch);
        ArgumentNullException.ThrowIfNull(sentBy);
        ArgumentException.ThrowIfNullOrEmpty(method);
        Branch = branch;
        SentBy = sentBy;
        Method = method;
    }

    /// <summary>The top Via's branch parameter.</summary>
    public string Branch { get; }

    /// <summary>The top Via's sent-by, host[:port]; empty for client transactions.</summary>
    public string SentBy { get; }

    /// <summary>The method of the request that created the transaction (INVITE for an ACK).</summary>
    public string Method { get; }

    /// <summary>True when the branch starts with <see cref="MagicCookie"/> (a token, so in any case), i.e. comes from an RFC 3261 element.</summary>
    public bool HasRfc3261Branch => Branch is not null && Branch.StartsWith(MagicCookie, StringComparison.OrdinalIgnoreCase);

    /// <summary>The key of the server transaction a received request belongs to; an ACK maps to its INVITE's transaction.</summary>
    /// <param name="branch">The request's top Via branch.</param>
    /// <param name="sentBy">The request's top Via sent-by, normalised.</param>
    /// <param name="method">The request method.</param>
    /// <returns>The key to look up or to create the server transaction under.</returns>
    public static TransactionKey ForServer(string branch, string sentBy, string method) =>
        new(branch, sentBy, method == "ACK" ? "INVITE" : method);

    /// <summary>The key of a client transaction: the branch we put in the request's top Via, and its method.</summary>
    /// <param name="branch">The branch of the request's (and so the response's) top Via.</param>
    /// <param name="method">The request method, which is also the response's CSeq method.</param>
    /// <returns>The key to create the client transaction under and to match responses with.</returns>
    public static TransactionKey ForClient(string branch, string method) => new(branch, string.Empty, method);

    /// <summary>For a CANCEL's key: the key of the INVITE server transaction it cancels (RFC 3261 §9.2).</summary>
    /// <returns>The same branch and sent-by, with method INVITE.</returns>
    /// <exception cref="InvalidOperationException">This is not a CANCEL's key.</exception>
    public TransactionKey CancelledInviteKey() => Method == "CANCEL"
        ? new TransactionKey(Branch, SentBy, "INVITE")
        : throw new InvalidOperationException($"Only a CANCEL targets an INVITE transaction, not {Method}.");

    /// <summary>Branch and sent-by case-insensitively, method exactly.</summary>
    /// <param name="other">The other key.</param>
    /// <returns>True if both keys identify the same transaction.</returns>
    public bool Equals(TransactionKey other) =>
        string.Equals(Branch, other.Branch, StringComparison.OrdinalIgnoreCase)
        && string.Equals(SentBy, other.SentBy, StringComparison.OrdinalIgnoreCase)
        && string.Equals(Method, other.Method, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(
        Branch is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(Branch),
        SentBy is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(SentBy),
        Method is null ? 0 : StringComparer.Ordinal.GetHashCode(Method));
}
