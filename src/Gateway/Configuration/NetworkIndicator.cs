namespace Gateway.Configuration;

/// <summary>The MTP3 network indicator (Q.704 §14.2.1): which signalling network the point codes belong to.</summary>
public enum NetworkIndicator
{
    International = 0,
    InternationalSpare = 1,
    National = 2,
    NationalSpare = 3,
}
