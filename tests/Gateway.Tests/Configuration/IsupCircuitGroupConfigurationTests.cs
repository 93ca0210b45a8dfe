using Gateway.Configuration;
using Gateway.Isup;

namespace Gateway.Tests.Configuration;

/// <summary>The keys of <c>isup.circuitGroups[]</c> that feed the procedures' circuit selection and unequipped CICs.</summary>
public sealed class IsupCircuitGroupConfigurationTests
{
    private static GatewayConfiguration Read(string json) => GatewayConfigurationReader.Read(json, "test.json");

    private static IReadOnlyList<ConfigurationError> Errors(string json) =>
        Assert.Throws<ConfigurationException>(() => Read(json)).Errors;

    /// <summary>A file with one group toward DPC 2 whose members are <paramref name="group"/>, after name, dpc and association.</summary>
    private static string WithGroup(string group) =>
        $$"""{ "isup": { "opc": 1, "circuitGroups": [ { "name": "g", "dpc": 2, "association": "", {{group}} } ] } }""";

    [Fact]
    public void Absent_keys_mean_what_the_procedures_choose_by_themselves()
    {
        var group = Read(WithGroup("""  "cics": ["1-31"]  """)).Isup.CircuitGroups[0];
        var library = new CircuitGroupOptions(2, [new CircuitCodeRange(1, 31)]);
        Assert.Equal(library.Selection, group.Selection);
        Assert.Equal(library.PreferControlledCircuits, group.PreferControlledCircuits);
        Assert.Empty(group.UnequippedCics);
    }

    [Theory]
    [InlineData("ascending", CircuitSelection.Ascending)]
    [InlineData("descending", CircuitSelection.Descending)]
    [InlineData("round-robin", CircuitSelection.RoundRobin)]
    [InlineData("least-recently-used", CircuitSelection.LeastRecentlyUsed)]
    [InlineData("Round-Robin", CircuitSelection.RoundRobin)]
    public void Every_selection_method_has_a_word(string word, CircuitSelection selection)
    {
        var group = Read(WithGroup($$"""  "cics": ["1-31"], "selection": "{{word}}"  """)).Isup.CircuitGroups[0];
        Assert.Equal(selection, group.Selection);
    }

    [Fact]
    public void Reads_the_glare_preference_and_the_unequipped_cics()
    {
        var group = Read(WithGroup("""
            "cics": ["1-31", "33-63"], "preferControlledCircuits": false, "unequippedCics": ["16", "40-47", "63"]
            """)).Isup.CircuitGroups[0];
        Assert.False(group.PreferControlledCircuits);
        Assert.Equal([new CicRange(1, 31), new CicRange(33, 63)], group.Cics);
        Assert.Equal([new CicRange(16, 16), new CicRange(40, 47), new CicRange(63, 63)], group.UnequippedCics);
    }

    [Fact]
    public void An_empty_unequipped_list_is_no_unequipped_cic()
    {
        Assert.Empty(Read(WithGroup("""  "cics": ["1-31"], "unequippedCics": []  """)).Isup.CircuitGroups[0].UnequippedCics);
    }

    [Fact]
    public void Groups_toward_one_dpc_may_make_the_same_choice()
    {
        var c = Read("""
            { "isup": { "opc": 1, "circuitGroups": [
                { "name": "g", "dpc": 2, "association": "", "cics": ["1-31"], "selection": "ascending", "preferControlledCircuits": false },
                { "name": "h", "dpc": 2, "association": "", "cics": ["33-63"], "selection": "ascending", "preferControlledCircuits": false },
                { "name": "i", "dpc": 3, "association": "", "cics": ["1-31"], "selection": "descending" } ] } }
            """);
        Assert.Equal(3, c.Isup.CircuitGroups.Count);
    }

    [Theory]
    [InlineData("""  "cics": ["1-31"], "selection": "lru"  """, "$.isup.circuitGroups[0].selection",
        "must be one of ascending, descending, round-robin, least-recently-used, not \"lru\"")]
    [InlineData("""  "cics": ["1-31"], "selection": 1  """, "$.isup.circuitGroups[0].selection", "must be a string, not 1")]
    [InlineData("""  "cics": ["1-31"], "preferControlledCircuits": "yes"  """, "$.isup.circuitGroups[0].preferControlledCircuits",
        "must be true or false, not \"yes\"")]
    [InlineData("""  "cics": ["1-31"], "unequippedCics": "16"  """, "$.isup.circuitGroups[0].unequippedCics",
        "must be an array of strings, not \"16\"")]
    [InlineData("""  "cics": ["1-31"], "unequippedCics": [16]  """, "$.isup.circuitGroups[0].unequippedCics[0]", "must be a string, not 16")]
    [InlineData("""  "cics": ["1-31"], "unequippedCics": ["16", "20-10"]  """, "$.isup.circuitGroups[0].unequippedCics[1]",
        "must be a CIC or an ascending range such as \"1-31\" within 0-4095, not \"20-10\"")]
    [InlineData("""  "cics": ["1-31"], "unequippedCics": ["30-40"]  """, "$.isup.circuitGroups[0].unequippedCics[0]",
        "CICs 30-40 must lie within cics; CIC 32 is not in them")]
    [InlineData("""  "cics": ["1-15", "17-31"], "unequippedCics": ["10-20"]  """, "$.isup.circuitGroups[0].unequippedCics[0]",
        "CICs 10-20 must lie within cics; CIC 16 is not in them")]
    [InlineData("""  "cics": ["1-31"], "unequippedCics": ["bad", "1-5", "5"]  """, "$.isup.circuitGroups[0].unequippedCics[2]",
        "CICs 5 overlap CICs 1-5 of unequippedCics[1]")]
    [InlineData("""  "cics": ["1-15", "17-31"], "unequippedCics": ["17-31", "1-15"]  """, "$.isup.circuitGroups[0].unequippedCics",
        "leaves no CIC of the group equipped; a group must be able to carry a call")]
    [InlineData("""  "cics": ["1-31"], "unequipedCics": ["16"]  """, "$.isup.circuitGroups[0].unequipedCics", "is not a known key")]
    public void Names_the_defect_and_its_key(string group, string path, string message)
    {
        Assert.Contains(new ConfigurationError(path, message), Errors(WithGroup(group)));
    }

    [Fact]
    public void A_non_string_unequipped_cic_is_reported_once()
    {
        var errors = Errors(WithGroup("""  "cics": ["1-31"], "unequippedCics": [16, "17"]  """));
        Assert.Equal(
            [new ConfigurationError("$.isup.circuitGroups[0].unequippedCics[0]", "must be a string, not 16")],
            errors);
    }

    [Fact]
    public void Groups_toward_one_dpc_must_choose_circuits_alike()
    {
        var errors = Errors("""
            { "isup": { "opc": 1, "circuitGroups": [
                { "name": "g", "dpc": 2, "association": "", "cics": ["1-31"] },
                { "name": "h", "dpc": 3, "association": "", "cics": ["1-31"], "selection": "ascending" },
                { "name": "i", "dpc": 2, "association": "", "cics": ["33-63"], "selection": "round-robin", "preferControlledCircuits": false } ] } }
            """);
        Assert.Equal(
            [
                new ConfigurationError("$.isup.circuitGroups[2].selection",
                    "is round-robin, but circuitGroups[0] toward the same DPC 2 uses least-recently-used; circuits are selected per DPC, so its groups must agree"),
                new ConfigurationError("$.isup.circuitGroups[2].preferControlledCircuits",
                    "is false, but circuitGroups[0] toward the same DPC 2 has true; circuits are selected per DPC, so its groups must agree"),
            ],
            errors);
    }
}
