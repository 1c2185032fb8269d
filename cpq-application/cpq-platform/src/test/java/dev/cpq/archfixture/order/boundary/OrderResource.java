package dev.cpq.archfixture.order.boundary;

public class OrderResource {}
