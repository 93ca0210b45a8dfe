namespace Gateway.M3ua.Tests.Conformance;

/// <summary>The copied vectors, read next to the test assembly.</summary>
public static class M3uaVectors
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Vectors");

    public static IReadOnlyList<M3uaVector> All { get; } = Load();

    public static M3uaVector Get(string name) => All.Single(v => v.Name == name);

    public static TheoryData<string> Names(Func<M3uaVector, bool> filter)
    {
        var data = new TheoryData<string>();
        foreach (var v in All.Where(filter)) data.Add(v.Name);
        return data;
    }

    /// <summary>Wireshark's decode of a row.</summary>
    public static WiresharkM3uaDecode Decoded(string name) => new(File.ReadAllLines(Path.Combine(Directory, "decoded", name + ".txt")));

    private static List<M3uaVector> Load()
    {
        var rows = new List<M3uaVector>();
        foreach (string line in File.ReadAllLines(Path.Combine(Directory, "vectors.tsv")).Skip(1))
        {
            if (line.Length == 0) continue;
            string[] cells = line.Split('\t');
            rows.Add(new M3uaVector(cells[0], Convert.FromHexString(cells[1]), cells[2], cells[3]));
        }
        return rows;
    }
}
