using Gateway.Testing;

namespace Gateway.M3ua.Management.Tests;

/// <summary>docs/m3ua-management.md shows the three management machines as built; UPDATE_GOLDEN=1 rewrites them.</summary>
public sealed class ManagementDiagramDocumentTests
{
    [Fact]
    public void The_document_shows_the_state_machines_as_they_are_built() =>
        Assert.Null(MermaidDocument.Check(
            "m3ua-management.md",
            [AspMachine.Machine.ToMermaid(), PeerAspMachine.Machine.ToMermaid(), AsMachine.Machine.ToMermaid()]));
}
