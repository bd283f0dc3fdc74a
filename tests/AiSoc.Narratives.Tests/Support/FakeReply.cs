namespace AiSoc.Narratives.Tests.Support;

/// <summary>One canned answer of <see cref="FakeChatServer"/>.</summary>
/// <param name="Status">The HTTP status code.</param>
/// <param name="Body">The JSON body.</param>
/// <param name="Delay">How long the server waits before answering; the wait ends early when the client disconnects.</param>
public sealed record FakeReply(int Status, string Body, TimeSpan Delay = default);
