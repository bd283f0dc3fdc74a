using AiSoc.Core.Ingest;
using AiSoc.Core.Normalizers.Telemetry;
using AiSoc.Core.Tests.Support;

namespace AiSoc.Core.Tests.Normalizers.Telemetry;

public sealed class TelemetryReaderTests : IDisposable
{
    private const string SignInRow = """
        {"Type":"SigninLogs","Id":"a1","TimeGenerated":"2024-03-04T09:00:00Z","UserPrincipalName":"Alice@Contoso.com",
         "UserId":"6b9e2f53-2c3a-4a4f-9a61-0e0d0c0b0a09","IPAddress":"203.0.113.10","ResultType":"0","AppDisplayName":"Azure Portal",
         "ClientAppUsed":"Browser","Location":"US",
         "LocationDetails":"{\"city\":\"Seattle\",\"state\":\"Washington\",\"countryOrRegion\":\"US\",\"geoCoordinates\":{\"latitude\":47.6,\"longitude\":-122.3}}",
         "DeviceDetail":"{\"operatingSystem\":\"Windows 10\",\"browser\":\"Edge 120\"}","AutonomousSystemNumber":8075}
        """;

    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Read_SignInExport_DeduplicatesById()
    {
        var batch = Read(SharedData.PathOf("telemetry/signinlogs_msticpy.json"));

        Assert.Equal(86, batch.Records);
        Assert.Equal(45, batch.SignIns.Count);
        Assert.Equal(41, batch.DuplicateSignIns);
        Assert.Empty(batch.Rejects);
    }

    [Fact]
    public void Read_SignInExport_ReadsNestedObjects()
    {
        var batch = Read(SharedData.PathOf("telemetry/signinlogs_msticpy.json"));

        var first = batch.SignIns[0];
        Assert.Equal("seb@seccxp.ninja", first.User);
        Assert.Equal("BE", first.Country);
        Assert.Equal("Liege", first.City);
        Assert.Equal(50.6406517029, first.Coordinates!.Value.Latitude, 6);
        Assert.Equal("Windows 10 / Edge 81.0.416", first.DeviceSignature);
        Assert.True(first.IsSuccess);
    }

    [Fact]
    public void Read_NestedJsonAsText_Parsed()
    {
        var path = _files.Write("signin.json", SignInRow);

        var signIn = Assert.Single(Read(path).SignIns);

        Assert.Equal("alice@contoso.com", signIn.User);
        Assert.Equal("Seattle", signIn.City);
        Assert.Equal(-122.3, signIn.Coordinates!.Value.Longitude, 6);
        Assert.Equal("Edge 120", signIn.Browser);
        Assert.Equal("8075", signIn.AutonomousSystemNumber);
    }

    [Fact]
    public void Read_InvalidTimestamp_RejectNamesField()
    {
        var path = _files.Write("signin.json", SignInRow.Replace("2024-03-04T09:00:00Z", "yesterday", StringComparison.Ordinal));

        var reject = Assert.Single(Read(path).Rejects);

        Assert.Contains("field 'TimeGenerated'", reject.Reason, StringComparison.Ordinal);
        Assert.Equal(path, reject.File);
    }

    [Fact]
    public void Read_LatitudeOutOfRange_RejectNamesField()
    {
        var path = _files.Write("signin.json", SignInRow.Replace("47.6", "147.6", StringComparison.Ordinal));

        var reject = Assert.Single(Read(path).Rejects);

        Assert.Contains("LocationDetails.geoCoordinates.latitude", reject.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_InvalidNestedJson_RejectNamesField()
    {
        var path = _files.Write("signin.json", SignInRow.Replace("\"{\\\"operatingSystem", "\"{oops\\\"operatingSystem", StringComparison.Ordinal));

        var reject = Assert.Single(Read(path).Rejects);

        Assert.Contains("field 'DeviceDetail'", reject.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MissingId_RejectNamesField()
    {
        var path = _files.Write("signin.json", SignInRow.Replace("\"Id\":\"a1\",", "", StringComparison.Ordinal));

        var reject = Assert.Single(Read(path).Rejects);

        Assert.Contains("field 'Id'", reject.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SecurityEventExports_LogonsAndFailures()
    {
        var batch = Read(SharedData.PathOf("telemetry/securityevent_host_logons.json"), SharedData.PathOf("telemetry/securityevent_failed_logons.json"));

        Assert.Equal(29, batch.Logons.Count);
        Assert.Equal(4, batch.Logons.Count(l => !l.IsSuccess));
        Assert.Empty(batch.Rejects);
        var admin = batch.Logons.First(l => l.TargetUserName == "MSTICAdmin");
        Assert.Equal("msticalertswin1\\msticadmin", admin.Account);
        Assert.Equal("131.107.147.209", admin.SourceIp);
        Assert.Equal("IANHELLE-DEV17", admin.SourceWorkstation);
        Assert.Equal(3, admin.LogonType);
    }

    [Fact]
    public void Read_SecurityEventDash_NoSource()
    {
        var batch = Read(SharedData.PathOf("telemetry/securityevent_host_logons.json"));

        var system = batch.Logons.First(l => l.TargetUserName == "SYSTEM");

        Assert.Null(system.SourceIp);
        Assert.Null(system.SourceWorkstation);
    }

    [Fact]
    public void Read_SecurityEventOrder_SortedByTime()
    {
        var batch = Read(SharedData.PathOf("telemetry/securityevent_host_logons.json"));

        Assert.Equal(batch.Logons.OrderBy(l => l.Time).Select(l => l.Time), batch.Logons.Select(l => l.Time));
    }

    [Fact]
    public void Read_DeviceProcessEvents_AllRows()
    {
        var batch = Read(SharedData.PathOf("telemetry/deviceprocessevents_msticpy.json"));

        Assert.Equal(200, batch.Processes.Count);
        Assert.Empty(batch.Rejects);
        var scStart = batch.Processes.First(p => p.CommandLine == "sc.exe start wuauserv");
        Assert.Equal("svchost.exe", scStart.ParentFileName);
        Assert.Equal("atevet06cl003.defenderatevet06.onmicrosoft.com", scStart.Host);
        Assert.Equal("svchost.exe -> sc.exe", scStart.Pair);
    }

    [Fact]
    public void Read_MojibakeText_Kept()
    {
        var path = _files.Write("process.json", """
            {"Timestamp":"2021-12-15T23:00:03Z","DeviceName":"host1","FileName":"setup.exe","InitiatingProcessFileName":"explorer.exe",
             "ProcessCommandLine":"setup.exe /product \"Windows\u00c2\u00ae\"","AccountName":"alice"}
            """);

        var process = Assert.Single(Read(path).Processes);

        Assert.Equal("setup.exe /product \"WindowsÂ®\"", process.CommandLine);
    }

    [Fact]
    public void Read_OtherTable_Rejected()
    {
        var path = _files.Write("other.json", """{"Type":"AuditLogs","OperationName":"Add user"}""");

        var reject = Assert.Single(Read(path).Rejects);

        Assert.Contains("not a SigninLogs", reject.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_InvalidLogonType_RejectNamesField()
    {
        var path = _files.Write("logon.json", """
            {"EventID":4624,"TimeGenerated":"2019-02-12T04:37:25Z","Computer":"SRV1","TargetUserName":"bob","TargetDomainName":"CONTOSO","LogonType":"remote","IpAddress":"-"}
            """);

        var reject = Assert.Single(Read(path).Rejects);

        Assert.Contains("field 'LogonType'", reject.Reason, StringComparison.Ordinal);
    }

    private static TelemetryBatch Read(params string[] paths) => TelemetryReader.Read(InputCatalog.Expand(paths));
}
