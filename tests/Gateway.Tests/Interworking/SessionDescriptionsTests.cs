using System.Text;
using Gateway.Interworking;

namespace Gateway.Tests.Interworking;

public sealed class SessionDescriptionsTests
{
    [Theory]
    [InlineData("v=0\r\nm=audio 4000 RTP/AVP 0 8\r\n", "m=audio 40000 RTP/AVP 0\r\n")]
    [InlineData("v=0\r\nm=audio 0 RTP/AVP 18\r\nm=audio 4002 RTP/AVP 8\r\n", "m=audio 40000 RTP/AVP 8\r\n")] // a rejected stream is skipped
    [InlineData("v=0\r\nm=image 4000 udptl t38\r\n", "m=audio 40000 RTP/AVP 8\r\n")]
    [InlineData("", "m=audio 40000 RTP/AVP 8\r\n")]
    public void The_answer_takes_the_first_active_audio_format_of_the_offer(string offer, string expectedMediaLine)
    {
        string answer = Encoding.ASCII.GetString(SessionDescriptions.Answer(Encoding.ASCII.GetBytes(offer), "127.0.0.1"));
        Assert.Contains(expectedMediaLine, answer);
        Assert.Contains("c=IN IP4 127.0.0.1\r\n", answer);
    }
}
