namespace AiSoc.Core.Response;

// Validates one entry of a playbook's actions list; field names in errors start with the entry's path.
internal static class PlaybookActionValidator
{
    public static PlaybookAction? Validate(string file, string path, PlaybookActionDocument action, List<PlaybookError> errors)
    {
        var errorCount = errors.Count;

        var id = PlaybookValidator.RequireName(file, path + ".id", action.Id, errors);
        var type = ValidateType(file, path, action.Type, errors);
        var target = ValidateTarget(file, path, type, action.Target, errors);
        var impact = ValidateImpact(file, path, action.Impact, errors);
        var timeout = ValidateTimeout(file, path, action.ApprovalTimeout, errors);
        var escalateTo = PlaybookValidator.RequireText(file, path + ".escalateTo", action.EscalateTo, errors);
        ValidateManualTask(file, path, type, action, errors);

        if (errors.Count > errorCount)
        {
            return null;
        }

        return new PlaybookAction
        {
            Id = id!,
            Type = type!.Value,
            TargetKind = target!,
            Impact = impact!.Value,
            AutoRun = action.AutoRun ?? false,
            ApprovalTimeout = timeout,
            EscalateTo = escalateTo!,
            Task = action.Task?.Trim(),
            ConfirmRole = action.ConfirmRole?.Trim(),
        };
    }

    private static ResponseActionType? ValidateType(string file, string path, string? text, List<PlaybookError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(new PlaybookError(file, path + ".type", "Missing required field."));
            return null;
        }

        if (!ActionCatalog.TryParse(text.Trim(), out var type))
        {
            errors.Add(new PlaybookError(file, path + ".type", $"Unknown action type '{text}'; expected one of {string.Join(", ", ActionCatalog.Names)}."));
            return null;
        }

        return type;
    }

    private static string? ValidateTarget(string file, string path, ResponseActionType? type, string? text, List<PlaybookError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(new PlaybookError(file, path + ".target", "Missing required field."));
            return null;
        }

        var target = text.Trim();
        if (type is { } known && !ActionCatalog.TargetKinds(known).Contains(target, StringComparer.Ordinal))
        {
            var allowed = string.Join(", ", ActionCatalog.TargetKinds(known));
            errors.Add(new PlaybookError(file, path + ".target", $"Target '{target}' is not valid for {ActionCatalog.Name(known)}; expected one of {allowed}."));
            return null;
        }

        return target;
    }

    private static ImpactLevel? ValidateImpact(string file, string path, string? text, List<PlaybookError> errors)
    {
        switch (text?.Trim())
        {
            case "low":
                return ImpactLevel.Low;
            case "medium":
                return ImpactLevel.Medium;
            case "high":
                return ImpactLevel.High;
            case null or "":
                errors.Add(new PlaybookError(file, path + ".impact", "Missing required field."));
                return null;
            default:
                errors.Add(new PlaybookError(file, path + ".impact", $"Unknown impact '{text}'; expected low, medium or high."));
                return null;
        }
    }

    private static TimeSpan ValidateTimeout(string file, string path, string? text, List<PlaybookError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(new PlaybookError(file, path + ".approvalTimeout", "Missing required field."));
            return TimeSpan.Zero;
        }

        if (!PlaybookValidator.TryParseDuration(text, out var timeout))
        {
            errors.Add(new PlaybookError(file, path + ".approvalTimeout", $"Invalid duration '{text}'; expected an ISO 8601 duration above zero and at most P7D, such as PT4H."));
        }

        return timeout;
    }

    private static void ValidateManualTask(string file, string path, ResponseActionType? type, PlaybookActionDocument action, List<PlaybookError> errors)
    {
        if (type is not ResponseActionType.ManualTask)
        {
            if (action.Task is not null || action.ConfirmRole is not null)
            {
                errors.Add(new PlaybookError(file, path, "Fields task and confirmRole are only valid for manual-task actions."));
            }

            return;
        }

        PlaybookValidator.RequireText(file, path + ".task", action.Task, errors);
        PlaybookValidator.RequireText(file, path + ".confirmRole", action.ConfirmRole, errors);
        if (action.AutoRun == true)
        {
            errors.Add(new PlaybookError(file, path + ".autoRun", "A manual-task is done by a person and cannot run automatically; remove autoRun or set it to false."));
        }
    }
}
