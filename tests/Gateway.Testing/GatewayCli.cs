using System.Diagnostics;

namespace Gateway.Testing;

/// <summary>The real <c>sip-isup-gateway</c> executable used as an operator uses it: one verb, its output and exit code.</summary>
public static class GatewayCli
{
    public sealed record Result(int ExitCode, string Output, string Errors)
    {
        public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Errors}";
    }

    public static async Task<Result> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(DaemonProcess.ExecutablePath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string a in arguments) start.ArgumentList.Add(a);
        start.Environment.Remove("RUNTIME_DIRECTORY");
        using var process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"sip-isup-gateway {string.Join(' ', arguments)} did not finish in 30 s");
        }
        return new Result(process.ExitCode, await output, await errors);
    }
}
