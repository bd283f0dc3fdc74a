using AiSoc.FakeTenant;

namespace AiSoc.Functions.Tests.EndToEnd;

/// <summary>A loopback stand-in for a Teams workflow trigger: it records each POST and accepts it with 202, as Teams does.</summary>
internal sealed class TeamsWorkflowFake : LoopbackServer
{
    public const string TriggerPath = "/workflows/soc-approvals/triggers/manual/paths/invoke";

    /// <summary>The trigger URL in the shape Teams issues, with a test signature.</summary>
    public Uri TriggerUrl => new(BaseAddress, TriggerPath + "?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=test-signature");

    protected override (int Status, object? Body) Handle(RecordedRequest request) =>
        request.Method == "POST" ? (202, null) : (405, ErrorBody("MethodNotAllowed", "Workflow triggers accept POST only."));
}
