using System.Net;
using Azure;

namespace AiSoc.Storage;

// HTTP status codes the Table service returns for the optimistic-concurrency outcomes the stores handle.
internal static class TableErrors
{
    public static bool IsConflict(RequestFailedException error) => error.Status == (int)HttpStatusCode.Conflict;

    public static bool IsPreconditionFailed(RequestFailedException error) => error.Status == (int)HttpStatusCode.PreconditionFailed;

    public static bool IsNotFound(RequestFailedException error) => error.Status == (int)HttpStatusCode.NotFound;
}
