namespace Gateway.Testing;

/// <summary>A fresh directory under the system temp path, deleted on dispose. Short paths keep Unix socket names under 108 bytes.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory(string prefix = "gw-")
    {
        Path = Directory.CreateTempSubdirectory(prefix).FullName;
    }

    public string Path { get; }

    /// <summary>A path inside the directory.</summary>
    public string Combine(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
