using AiSoc.FakeTenant;

namespace AiSoc.Integrations.Tests.Teams;

/// <summary>A loopback stand-in for Teams workflow webhooks: it records each POST and responds with <see cref="Status"/>.</summary>
public sealed class TeamsWorkflowServer : LoopbackServer
{
    /// <summary>The signature in every workflow URL of the tests; it must never reach a log or an exception.</summary>
    public const string Signature = "Zq8xSignatureValue0123456789";

    /// <summary>Status of every POST that no throttle or failure rule handles; Teams workflows respond 202.</summary>
    public int Status { get; set; } = 202;

    /// <summary>Returns a workflow trigger URL on this server for <paramref name="workflowId"/>, in the shape Teams issues.</summary>
    public Uri WorkflowUrl(string workflowId) =>
        new(BaseAddress, $"/workflows/{workflowId}/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig={Signature}");

    public static string PathOf(string workflowId) => $"/workflows/{workflowId}/triggers/manual/paths/invoke";

    protected override (int Status, object? Body) Handle(RecordedRequest request) =>
        request.Method == "POST" ? (Status, null) : (405, ErrorBody("MethodNotAllowed", "Workflow triggers accept POST only."));
}
