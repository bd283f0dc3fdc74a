using System.Text.Json;
using AiSoc.Core.Ingest;

namespace AiSoc.Core.Tests.Ingest;

public class NonAlertClassifierTests
{
    [Theory]
    [InlineData("{\"error\":{\"code\":\"ResourceNotFound\",\"message\":\"Machine 1 was not found\"}}", "API error response (code 'ResourceNotFound'")]
    [InlineData("{\"id\":\"1\",\"type\":\"RunAntiVirusScan\",\"requestor\":\"a@b.c\",\"status\":\"Succeeded\",\"machineId\":\"f4\"}", "Defender for Endpoint machine action (RunAntiVirusScan")]
    [InlineData("{\"kind\":\"Account\",\"properties\":{\"accountName\":\"administrator\"}}", "Sentinel Account entity without an alert")]
    [InlineData("{\"3\":{\"$id\":\"3\",\"Type\":\"host\"}}", "entity graph")]
    [InlineData("{\"Type\":\"SigninLogs\",\"TimeGenerated\":\"2024-01-01T00:00:00Z\"}", "Log Analytics SigninLogs row")]
    [InlineData("{\"Id\":\"1\",\"OrgId\":\"2\",\"DetectorId\":\"3\",\"IncidentGrade\":\"TruePositive\"}", "labelled GUIDE evidence row")]
    [InlineData("{\"EventID\":4624,\"Computer\":\"WS1\",\"TimeGenerated\":\"2024-01-01T00:00:00Z\"}", "Windows security event 4624")]
    [InlineData("{\"Timestamp\":\"2024-01-01T00:00:00Z\",\"ActionType\":\"ProcessCreated\",\"DeviceName\":\"ws1\"}", "Defender advanced hunting event (ProcessCreated")]
    [InlineData("{\"_note\":\"text\"}", "no normalizer matches a record with fields _note")]
    [InlineData("[1,2]", "record is a JSON array")]
    public void Describe_KnownShape_NamesIt(string json, string expected)
    {
        using var document = JsonDocument.Parse(json);

        var reason = NonAlertClassifier.Describe(document.RootElement);

        Assert.Contains(expected, reason, StringComparison.Ordinal);
    }
}
