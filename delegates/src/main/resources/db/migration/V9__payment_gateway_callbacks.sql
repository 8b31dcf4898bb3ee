-- Every callback of an online payment gateway, accepted or refused (docs/payments-online.md): the server-to-server
-- notifications and the browsers' returns. Never the signature or any secret; values as sent, cut to the columns.
create table payment_gateway_callback (
    id                  bigserial primary key,
    received_at         timestamp with time zone not null,
    gateway             varchar(32)  not null,
    kind                varchar(16)  not null check (kind in ('NOTIFICATION', 'RETURN')),
    payment_reference   varchar(100),
    amount              bigint,
    gateway_transaction varchar(100),
    gateway_code        varchar(16),
    verdict             varchar(32)  not null,
    answer_code         varchar(16),
    remote_address      varchar(64),
    parameters          varchar(4000) not null
);

create index payment_gateway_callback_reference on payment_gateway_callback (payment_reference);
create index payment_gateway_callback_received on payment_gateway_callback (received_at);
