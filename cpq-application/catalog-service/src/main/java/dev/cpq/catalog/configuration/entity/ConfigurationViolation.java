package dev.cpq.catalog.configuration.entity;

/**
 * Why a configuration is not valid. Codes: {@code OPTION_REQUIRED}, {@code OPTION_UNKNOWN},
 * {@code VALUE_NOT_ALLOWED}, {@code RULE_REQUIRES}, {@code RULE_EXCLUDES}.
 */
public record ConfigurationViolation(String code, String option, String message) {}
