using AiSoc.Investigations.Services;

namespace AiSoc.Cli.Commands;

/// <summary>The local user as an approver: the operating-system account signs in through the local token issuer.</summary>
internal static class InvestigateLocalIdentity
{
    /// <summary>Authentication method the local tokens carry. It is not multi-factor authentication, and the name says so.</summary>
    public const string AuthenticationMethod = "local-session";

    public static string Upn => Environment.UserName + "@localhost";

    public static string ObjectId => "local-" + Environment.UserName;

    public static string CreateToken(LocalApprover approver) => approver.CreateToken(Upn, ObjectId);
}
