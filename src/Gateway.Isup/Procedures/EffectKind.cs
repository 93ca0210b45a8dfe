namespace Gateway.Isup;

/// <summary>Which port an <see cref="Effect"/> goes to.</summary>
internal enum EffectKind
{
    Signal,
    CallEvent,
    Maintenance,
}
