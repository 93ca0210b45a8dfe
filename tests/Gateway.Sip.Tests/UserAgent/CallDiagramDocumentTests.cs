using Gateway.Testing;

namespace Gateway.Sip.Tests.UserAgent;

/// <summary>docs/sip-user-agent.md shows the two call state machines as built; UPDATE_GOLDEN=1 rewrites them.</summary>
public sealed class CallDiagramDocumentTests
{
    [Fact]
    public void The_document_shows_the_call_state_machines_as_they_are_built() =>
        Assert.Null(MermaidDocument.Check("sip-user-agent.md", [SipCall.IncomingMachine.ToMermaid(), SipCall.OutgoingMachine.ToMermaid()]));
}
