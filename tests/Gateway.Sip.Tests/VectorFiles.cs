namespace Gateway.Sip.Tests;

/// <summary>The copied vector files, read next to the test assembly.</summary>
public static class VectorFiles
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Vectors");

    /// <summary>Rows of a tab-separated manifest, by column name, header row excluded.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Manifest(string folder)
    {
        string[] lines = File.ReadAllLines(Path.Combine(Directory, folder, "MANIFEST.tsv"));
        string[] columns = lines[0].Split('\t');
        var rows = new List<IReadOnlyDictionary<string, string>>();
        foreach (string line in lines.Skip(1).Where(l => l.Length > 0))
        {
            string[] cells = line.Split('\t');
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (int i = 0; i < columns.Length; i++) row[columns[i]] = i < cells.Length ? cells[i] : "";
            rows.Add(row);
        }
        return rows;
    }

    public static byte[] Read(string folder, string file) => File.ReadAllBytes(Path.Combine(Directory, folder, file));
}
