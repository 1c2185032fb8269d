package dev.cpq.platform.security.boundary;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A read that services make of each other for work no user request carries (a schedule, a consumer):
 * the only kind of endpoint a SERVICE token is let through to. Every other endpoint answers a SERVICE
 * token 403, whatever roles it allows, so a service's identity can never act as a user.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AcceptsServiceIdentity {}
