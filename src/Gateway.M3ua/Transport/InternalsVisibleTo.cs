using System.Runtime.CompilerServices;

// The transport tests check the interop struct layouts and the framing directly.
[assembly: InternalsVisibleTo("Gateway.M3ua.Transport.Tests")]
