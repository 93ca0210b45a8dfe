namespace Gateway.Tracing;

/// <summary>
/// A pcapng file that moves aside when full: <c>FILE</c> becomes <c>FILE.1</c>, <c>FILE.1</c> becomes <c>FILE.2</c> and
/// so on, the oldest beyond the limit deleted, and a fresh <c>FILE</c> starts with its own section and interface
/// headers, so that every file opens in Wireshark on its own.
/// </summary>
internal sealed class RotatingPcapngFile : IDisposable
{
    private readonly string _path;
    private readonly long _maxBytes;
    private readonly int _maxFiles;
    private FileStream _stream;
    private PcapngWriter _writer;

    public RotatingPcapngFile(string path, long maxBytes, int maxFiles)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 1024);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxFiles, 1);
        _path = System.IO.Path.GetFullPath(path);
        _maxBytes = maxBytes;
        _maxFiles = maxFiles;

        // A trace left by an earlier run is kept as the newest old file rather than overwritten.
        if (File.Exists(_path))
        {
            ShiftFiles();
        }

        (_stream, _writer) = Open();
    }

    public void WritePacket(DateTimeOffset timestamp, ReadOnlySpan<byte> frame, int originalLength)
    {
        // A packet bigger than the limit on its own still goes into an otherwise empty file: better than losing it.
        if (_writer.PacketCount > 0 && _writer.Length + PcapngWriter.EnhancedPacketBlockLength(frame.Length) > _maxBytes)
        {
            Rotate();
        }

        _writer.WritePacket(timestamp, frame, originalLength);
    }

    /// <summary>Pushes what was written to the file, so that a trace can be read while it is still running.</summary>
    public void Flush() => _stream.Flush();

    public void Dispose() => _stream.Dispose();

    private void Rotate()
    {
        _stream.Dispose();
        try
        {
            ShiftFiles();
        }
        finally
        {
            // Even when a rename failed (the new file then overwrites the current one): tracing goes on.
            (_stream, _writer) = Open();
        }
    }

    private void ShiftFiles()
    {
        if (_maxFiles == 1)
        {
            File.Delete(_path);
            return;
        }

        File.Delete(Numbered(_maxFiles - 1));
        for (int i = _maxFiles - 2; i >= 1; i--)
        {
            string from = Numbered(i);
            if (File.Exists(from))
            {
                File.Move(from, Numbered(i + 1), overwrite: true);
            }
        }

        File.Move(_path, Numbered(1), overwrite: true);
    }

    private string Numbered(int n) => FormattableString.Invariant($"{_path}.{n}");

    private (FileStream, PcapngWriter) Open()
    {
        // Readable by others while written: an operator may open the current file in Wireshark.
        var stream = new FileStream(_path, FileMode.Create, FileAccess.Write, FileShare.Read | FileShare.Delete, bufferSize: 64 * 1024);
        return (stream, new PcapngWriter(stream));
    }
}
