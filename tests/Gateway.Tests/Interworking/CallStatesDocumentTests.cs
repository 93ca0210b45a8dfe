using Gateway.Interworking;
using Gateway.Testing;

namespace Gateway.Tests.Interworking;

public sealed class CallStatesDocumentTests
{
    [Fact]
    public void Docs_call_states_shows_the_machines_the_code_builds() =>
        Assert.Null(MermaidDocument.Check("call-states.md", [SipToIsupCall.Machine.ToMermaid(), IsupToSipCall.Machine.ToMermaid()]));
}
