using Gateway.Isup;
using Gateway.Testing;

namespace Gateway.Isup.Tests.Circuits;

/// <summary>docs/isup-procedures.md shows the circuit and maintenance request machines as built; UPDATE_GOLDEN=1 rewrites them.</summary>
public sealed class ProcedureDiagramDocumentTests
{
    [Fact]
    public void The_document_shows_the_state_machines_as_they_are_built() =>
        Assert.Null(MermaidDocument.Check("isup-procedures.md", [CircuitMachine.Machine.ToMermaid(), MaintenanceRequest.Machine.ToMermaid()]));
}
