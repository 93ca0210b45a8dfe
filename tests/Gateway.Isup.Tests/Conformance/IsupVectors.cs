namespace Gateway.Isup.Tests.Conformance;

/// <summary>The copied vectors, read next to the test assembly.</summary>
public static class IsupVectors
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Vectors");

    public static IReadOnlyList<IsupVector> All { get; } = Load();

    public static IsupVector Get(string name) => All.Single(v => v.Name == name);

    public static TheoryData<string> Names(bool malformed)
    {
        var data = new TheoryData<string>();
        foreach (var v in All.Where(v => v.IsMalformed == malformed)) data.Add(v.Name);
        return data;
    }

    /// <summary>Wireshark's decode of a row, without the comment header.</summary>
    public static WiresharkDecode Decoded(string name) => new(File.ReadAllLines(Path.Combine(Directory, "decoded", name + ".txt")));

    private static List<IsupVector> Load()
    {
        var rows = new List<IsupVector>();
        foreach (string line in File.ReadAllLines(Path.Combine(Directory, "vectors.tsv")).Skip(1))
        {
            if (line.Length == 0) continue;
            string[] cells = line.Split('\t');
            rows.Add(new IsupVector(cells[0], Convert.FromHexString(cells[1]), cells[2], cells[3]));
        }
        return rows;
    }
}
