using System.Globalization;

namespace AiSoc.FakeTenant;

/// <summary>A machine action the fake Defender API holds.</summary>
public sealed class FakeMachineAction
{
    public string Id { get; init; } = Guid.NewGuid().ToString();

    public required string Type { get; init; }

    public required string MachineId { get; init; }

    public string Status { get; set; } = "Pending";

    public string? RequestorComment { get; init; }

    public string? Scope { get; init; }

    public DateTimeOffset Created { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>Number of <c>GET /api/machineactions/{id}</c> calls so far.</summary>
    public int Polls { get; set; }
}

/// <summary>
/// A loopback Defender for Endpoint API fake with devices, machine actions that move from Pending through
/// InProgress to Succeeded as they are polled, and custom indicators.
/// </summary>
public sealed class FakeDefenderServer(int port = 0) : LoopbackServer(port)
{
    private static readonly Dictionary<string, string> TypeByEndpoint = new(StringComparer.OrdinalIgnoreCase)
    {
        ["isolate"] = "Isolate",
        ["unisolate"] = "Unisolate",
        ["restrictCodeExecution"] = "RestrictCodeExecution",
        ["unrestrictCodeExecution"] = "UnrestrictCodeExecution",
        ["runAntiVirusScan"] = "RunAntiVirusScan",
        ["collectInvestigationPackage"] = "CollectInvestigationPackage",
        ["StopAndQuarantineFile"] = "StopAndQuarantineFile",
    };

    private readonly Dictionary<string, string> machines = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> fileMachines = new(StringComparer.OrdinalIgnoreCase);

    public List<FakeMachineAction> MachineActions { get; } = [];

    public List<Dictionary<string, object?>> Indicators { get; } = [];

    /// <summary>Polls of one action after which it reports Succeeded; the first poll reports InProgress.</summary>
    public int PollsToSucceed { get; set; } = 2;

    /// <summary>When set, the next machine action post creates another requestor's pending action and responds with 400.</summary>
    public bool RaceNextPost { get; set; }

    public void AddMachine(string id, string dnsName) => machines[id] = dnsName;

    public void AddFileOnMachine(string sha1, string machineId)
    {
        if (!fileMachines.TryGetValue(sha1, out var list))
        {
            fileMachines[sha1] = list = [];
        }

        list.Add(machineId);
    }

    public FakeMachineAction AddMachineAction(string machineId, string type, string status, string comment = "Requested by an analyst")
    {
        var action = new FakeMachineAction { MachineId = machineId, Type = type, Status = status, RequestorComment = comment };
        MachineActions.Add(action);
        return action;
    }

    public void AddIndicators(int count)
    {
        for (var i = 0; i < count; i++)
        {
            Indicators.Add(new Dictionary<string, object?>
            {
                ["id"] = (1000 + Indicators.Count).ToString(CultureInfo.InvariantCulture),
                ["indicatorValue"] = $"198.51.100.{i % 250}",
                ["indicatorType"] = "IpAddress",
                ["action"] = "Alert",
            });
        }
    }

    protected override (int Status, object? Body) Handle(RecordedRequest request)
    {
        var segments = request.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToArray();
        request.Query.TryGetValue("$filter", out var filter);

        return (request.Method, segments) switch
        {
            ("GET", ["machines"]) => (200, Collection(machines.Where(pair => string.Equals(pair.Value, FilterValue(filter, "computerDnsName"), StringComparison.OrdinalIgnoreCase)).Select(pair => Machine(pair.Key)))),
            ("GET", ["machines", var id]) => machines.ContainsKey(id) ? (200, Machine(id)) : NotFound(id),
            ("GET", ["machines", var id, "alerts"]) => (200, Collection(new[] { new { id = "da1", title = "Suspicious PowerShell", severity = "High", status = "New" } })),
            ("GET", ["machines", var id, "logonusers"]) => (200, Collection(new[] { new { accountName = "alice", accountDomain = "CONTOSO", isDomainAdmin = false } })),
            ("POST", ["machines", var id, var endpoint]) => PostMachineAction(id, endpoint, request),
            ("GET", ["machineactions"]) => (200, Collection(MachineActions
                .Where(action => action.MachineId == FilterValue(filter, "machineId") && action.Type == FilterValue(filter, "type"))
                .Select(ToJson))),
            ("GET", ["machineactions", var id]) => Poll(id),
            ("POST", ["machineactions", var id, "cancel"]) => Cancel(id),
            ("GET", ["files", var hash, "machines"]) => (200, Collection((fileMachines.GetValueOrDefault(hash) ?? []).Select(Machine))),
            ("GET", ["files", var hash, "stats"]) => fileMachines.ContainsKey(hash) ? (200, new { sha1 = hash, orgPrevalence = 3 }) : NotFound(hash),
            ("GET", ["ips", var address, "stats"]) => (200, new { ipAddress = address, orgPrevalence = 1 }),
            ("GET", ["indicators"]) => ListIndicators(request, filter),
            ("POST", ["indicators"]) => CreateIndicator(request),
            ("DELETE", ["indicators", var id]) => Indicators.RemoveAll(indicator => (string?)indicator["id"] == id) > 0 ? (204, null) : NotFound(id),
            _ => (404, ErrorBody("ResourceNotFound", $"No fake route for {request.Method} {request.Path}.")),
        };
    }

    private (int, object?) PostMachineAction(string machineId, string endpoint, RecordedRequest request)
    {
        if (!machines.ContainsKey(machineId))
        {
            return NotFound(machineId);
        }

        var type = TypeByEndpoint[endpoint];
        if (RaceNextPost || MachineActions.Any(action => action.MachineId == machineId && action.Type == type && action.Status is "Pending" or "InProgress"))
        {
            if (RaceNextPost)
            {
                RaceNextPost = false;
                AddMachineAction(machineId, type, "Pending", "Requested by another automation");
            }

            return (400, ErrorBody("ActiveRequestAlreadyExists", "Action is already in progress"));
        }

        var json = request.Json;
        var action = new FakeMachineAction
        {
            MachineId = machineId,
            Type = type,
            RequestorComment = json?["Comment"]?.GetValue<string>(),
            Scope = json?["IsolationType"]?.GetValue<string>() ?? json?["ScanType"]?.GetValue<string>(),
        };
        MachineActions.Add(action);
        return (201, ToJson(action));
    }

    private (int, object?) Poll(string id)
    {
        var action = MachineActions.FirstOrDefault(candidate => candidate.Id == id);
        if (action is null)
        {
            return NotFound(id);
        }

        action.Polls++;
        if (action.Status is "Pending" or "InProgress")
        {
            action.Status = action.Polls >= PollsToSucceed ? "Succeeded" : "InProgress";
        }

        return (200, ToJson(action));
    }

    private (int, object?) Cancel(string id)
    {
        var action = MachineActions.FirstOrDefault(candidate => candidate.Id == id);
        if (action is null)
        {
            return NotFound(id);
        }

        if (action.Status is "Pending" or "InProgress")
        {
            action.Status = "Cancelled";
        }

        return (200, ToJson(action));
    }

    private (int, object?) ListIndicators(RecordedRequest request, string? filter)
    {
        if (FilterValue(filter, "indicatorValue") is { } value)
        {
            return (200, Collection(Indicators.Where(indicator => string.Equals((string?)indicator["indicatorValue"], value, StringComparison.OrdinalIgnoreCase))));
        }

        var skip = request.Query.TryGetValue("$skip", out var skipText) ? int.Parse(skipText, CultureInfo.InvariantCulture) : 0;
        var top = request.Query.TryGetValue("$top", out var topText) ? int.Parse(topText, CultureInfo.InvariantCulture) : 10_000;
        return (200, Collection(Indicators.Skip(skip).Take(top)));
    }

    private (int, object?) CreateIndicator(RecordedRequest request)
    {
        var json = request.Json!;
        var indicator = new Dictionary<string, object?>
        {
            ["id"] = (1000 + Indicators.Count).ToString(CultureInfo.InvariantCulture),
            ["indicatorValue"] = json["indicatorValue"]?.GetValue<string>(),
            ["indicatorType"] = json["indicatorType"]?.GetValue<string>(),
            ["action"] = json["action"]?.GetValue<string>(),
            ["title"] = json["title"]?.GetValue<string>(),
            ["description"] = json["description"]?.GetValue<string>(),
            ["expirationTime"] = json["expirationTime"]?.GetValue<string>(),
        };
        Indicators.Add(indicator);
        return (200, indicator);
    }

    private object Machine(string id) => new { id, computerDnsName = machines.GetValueOrDefault(id), osPlatform = "Windows11", healthStatus = "Active", riskScore = "Medium", exposureLevel = "Low" };

    private (int, object?) NotFound(string id) => (404, ErrorBody("ResourceNotFound", $"'{id}' was not found."));

    private static object ToJson(FakeMachineAction action) => new
    {
        id = action.Id,
        type = action.Type,
        status = action.Status,
        machineId = action.MachineId,
        requestorComment = action.RequestorComment,
        scope = action.Scope,
        creationDateTimeUtc = action.Created,
        lastUpdateDateTimeUtc = action.Created,
    };

    private static Dictionary<string, object> Collection<T>(IEnumerable<T> items) => new Dictionary<string, object> { ["value"] = items.ToList() };
}
