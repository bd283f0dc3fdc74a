namespace AiSoc.Core.Tuning.Outcomes;

/// <summary>Names of the case record NDJSON format that the investigation engine writes, one case outcome per line.</summary>
public static class CaseRecordFormat
{
    /// <summary>Value of the <c>schema</c> field on every line; a file whose first record carries it is read as case records.</summary>
    public const string Schema = "aisoc.case/1";
}
