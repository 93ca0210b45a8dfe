using System.Runtime.CompilerServices;

// The management tests export the shared machines' diagrams and check them against docs/m3ua-management.md.
[assembly: InternalsVisibleTo("Gateway.M3ua.Management.Tests")]
