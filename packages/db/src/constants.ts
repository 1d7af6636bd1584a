// The domain's enums and labels live in @tandem/domain; re-exported for the schema's pgEnums.
export * from "@tandem/domain/constants";
