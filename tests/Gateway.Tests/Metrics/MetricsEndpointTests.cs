using System.Net;
using System.Net.Sockets;
using System.Text;
using Gateway.Metrics;
using Gateway.Testing;

namespace Gateway.Tests.Metrics;

public sealed class MetricsEndpointTests : IDisposable
{
    private static readonly TimeSpan TestDeadline = TimeSpan.FromSeconds(20);

    private readonly FakeMetricsSource _source = new() { ActiveCallCounts = [new(MetricWords.SipToIsup, 3)] };
    private readonly GatewayMetrics _metrics;
    private readonly PrometheusExporter _exporter;
    private readonly CapturingLogger _log = new();

    public MetricsEndpointTests()
    {
        _metrics = new GatewayMetrics(_source, new ManualTimeProvider(), "1.2.3");
        _exporter = new PrometheusExporter(_metrics.Meter, DateTimeOffset.UnixEpoch);
        _metrics.Released(16);
    }

    public void Dispose()
    {
        _exporter.Dispose();
        _metrics.Dispose();
    }

    private async Task<MetricsEndpoint> Start(TimeSpan? readTimeout = null)
    {
        var options = new MetricsEndpointOptions(new IPEndPoint(IPAddress.Loopback, 0)) { ReadTimeout = readTimeout ?? TimeSpan.FromSeconds(5) };
        var endpoint = new MetricsEndpoint(_exporter, options, _log);
        await endpoint.StartAsync(CancellationToken.None);
        return endpoint;
    }

    /// <summary>Sends <paramref name="request"/> as it is and reads until the server closes the connection.</summary>
    private static async Task<string> Exchange(IPEndPoint endPoint, string request)
    {
        using var deadline = new CancellationTokenSource(TestDeadline);
        using var client = new TcpClient();
        await client.ConnectAsync(endPoint, deadline.Token);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.Latin1.GetBytes(request), deadline.Token);
        return await ReadToEnd(stream, deadline.Token);
    }

    /// <summary>
    /// Reads until the server closes. A reset counts as closing too: when the server drops a client whose bytes it
    /// had not read yet (they arrived as the deadline fired), the kernel answers with a reset instead of a FIN.
    /// </summary>
    private static async Task<string> ReadToEnd(NetworkStream stream, CancellationToken cancellationToken)
    {
        var received = new MemoryStream();
        var buffer = new byte[4096];
        try
        {
            int n;
            while ((n = await stream.ReadAsync(buffer, cancellationToken)) > 0) received.Write(buffer, 0, n);
        }
        catch (IOException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionReset })
        {
        }
        return Encoding.UTF8.GetString(received.ToArray());
    }

    [Fact]
    public async Task Get_metrics_answers_the_exposition_with_its_content_type()
    {
        await using var endpoint = await Start();
        using var http = new HttpClient { Timeout = TestDeadline };

        using var response = await http.GetAsync(new Uri($"http://{endpoint.LocalEndPoint}/metrics"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(response.Content.Headers.ContentType!.Parameters, p => p.Name == "version" && p.Value == "0.0.4");
        string body = await response.Content.ReadAsStringAsync();
        Assert.Equal(_exporter.Collect(), body);
        Assert.Equal(Encoding.UTF8.GetByteCount(body), response.Content.Headers.ContentLength);
        Assert.Equal("3", MetricsText.Sample(body, """sipisupgw_active_calls{direction="sip-to-isup"}"""));
    }

    [Fact]
    public async Task The_response_head_is_exactly_what_Prometheus_expects()
    {
        await using var endpoint = await Start();
        string response = await Exchange(endpoint.LocalEndPoint!, "GET /metrics HTTP/1.1\r\nHost: localhost\r\nAccept: */*\r\n\r\n");
        string body = _exporter.Collect();
        Assert.Equal(
            "HTTP/1.1 200 OK\r\nContent-Type: text/plain; version=0.0.4; charset=utf-8\r\n"
            + $"Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\nConnection: close\r\n\r\n" + body,
            response);
    }

    [Fact]
    public async Task Logs_where_it_listens()
    {
        await using var endpoint = await Start();
        Assert.Equal($"event=metrics-listening address=127.0.0.1:{endpoint.LocalEndPoint!.Port}", Assert.Single(_log.Matching("event=metrics-listening")));
    }

    [Theory]
    [InlineData("GET / HTTP/1.1\r\nHost: x\r\n\r\n", "HTTP/1.1 200 OK\r\n")]
    [InlineData("GET /metrics?name[]=x HTTP/1.0\r\n\r\n", "HTTP/1.1 200 OK\r\n")]
    [InlineData("GET /nope HTTP/1.1\r\nHost: x\r\n\r\n", "HTTP/1.1 404 Not Found\r\n")]
    [InlineData("GET /metrics/ HTTP/1.1\r\n\r\n", "HTTP/1.1 404 Not Found\r\n")]
    [InlineData("POST /metrics HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n", "HTTP/1.1 405 Method Not Allowed\r\n")]
    [InlineData("DELETE / HTTP/1.1\r\n\r\n", "HTTP/1.1 405 Method Not Allowed\r\n")]
    [InlineData("hello there\r\n\r\n", "HTTP/1.1 400 Bad Request\r\n")]
    [InlineData("GET /metrics HTTP/2.0\r\n\r\n", "HTTP/1.1 400 Bad Request\r\n")]
    [InlineData("GET http://example.com/metrics HTTP/1.1\r\n\r\n", "HTTP/1.1 400 Bad Request\r\n")]
    [InlineData("GET /metrics HTTP/1.1\r\nno colon here\r\n\r\n", "HTTP/1.1 400 Bad Request\r\n")]
    [InlineData("\u0016\u0003\u0001\u0002\u0000\u0001", "HTTP/1.1 400 Bad Request\r\n")]
    public async Task Answers_each_request_with_its_status(string request, string statusLine)
    {
        await using var endpoint = await Start();
        string response = await Exchange(endpoint.LocalEndPoint!, request);
        Assert.StartsWith(statusLine, response, StringComparison.Ordinal);
        Assert.Contains("\r\nConnection: close\r\n", response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Method_not_allowed_says_which_methods_are()
    {
        await using var endpoint = await Start();
        string response = await Exchange(endpoint.LocalEndPoint!, "PUT /metrics HTTP/1.1\r\n\r\n");
        Assert.Contains("\r\nAllow: GET, HEAD\r\n", response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Head_answers_the_head_without_the_body()
    {
        await using var endpoint = await Start();
        string response = await Exchange(endpoint.LocalEndPoint!, "HEAD /metrics HTTP/1.1\r\n\r\n");
        Assert.StartsWith("HTTP/1.1 200 OK\r\n", response, StringComparison.Ordinal);
        Assert.EndsWith("\r\n\r\n", response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_head_larger_than_8_KiB_is_refused()
    {
        await using var endpoint = await Start();
        // Exactly the limit and no blank line: the server has read everything sent when it answers, so closing
        // does not reset the connection under the client's read.
        string request = "GET /metrics HTTP/1.1\r\nX-Padding: " + new string('a', 8 * 1024 - 34);
        Assert.Equal(8 * 1024, request.Length);
        string response = await Exchange(endpoint.LocalEndPoint!, request);
        Assert.StartsWith("HTTP/1.1 431 Request Header Fields Too Large\r\n", response, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("GET /metrics HTTP/1.1\r\nHost: x\r\n")]
    public async Task A_client_that_does_not_finish_its_head_in_time_is_dropped_without_an_answer(string partialRequest)
    {
        await using var endpoint = await Start(readTimeout: TimeSpan.FromMilliseconds(200));
        Assert.Equal("", await Exchange(endpoint.LocalEndPoint!, partialRequest));
    }

    [Fact]
    public async Task Many_concurrent_requests_are_all_answered()
    {
        await using var endpoint = await Start();
        using var http = new HttpClient { Timeout = TestDeadline };
        var uri = new Uri($"http://{endpoint.LocalEndPoint}/metrics");

        var requests = new Task<HttpResponseMessage>[64];
        for (int i = 0; i < requests.Length; i++) requests[i] = http.GetAsync(uri);
        var responses = await Task.WhenAll(requests);

        foreach (var response in responses)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("sipisupgw_releases_total{cause=\"16\"} 1\n", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            response.Dispose();
        }
    }

    [Fact]
    public async Task After_stop_the_port_is_closed()
    {
        var endpoint = await Start();
        var bound = endpoint.LocalEndPoint!;
        await endpoint.StopAsync(CancellationToken.None);

        using var client = new TcpClient();
        var refused = await Assert.ThrowsAsync<SocketException>(() => client.ConnectAsync(bound));
        Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
        await endpoint.DisposeAsync();
    }

    [Fact]
    public async Task Stop_closes_a_connection_still_waiting_for_its_request()
    {
        var endpoint = await Start(readTimeout: TimeSpan.FromMinutes(5));
        using var deadline = new CancellationTokenSource(TestDeadline);
        using var client = new TcpClient();
        await client.ConnectAsync(endpoint.LocalEndPoint!, deadline.Token);
        var stream = client.GetStream();
        await stream.WriteAsync("GET /met"u8.ToArray(), deadline.Token);
        var read = ReadToEnd(stream, deadline.Token);

        await endpoint.StopAsync(deadline.Token);

        Assert.Equal("", await read);
        await endpoint.DisposeAsync();
    }
}
