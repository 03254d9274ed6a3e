// Generated from the server's OpenAPI document by `npm run client:types`;
// a test fails when it differs from what the current server produces.

export interface paths {
    "/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Service information
         * @description Names the API, its version, the mounted API versions and the docs.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            name: string;
                            version: string;
                            api_versions: {
                                version: string;
                                base_url: string;
                            }[];
                            docs: {
                                openapi: string;
                                swagger_ui: string;
                                redoc: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Liveness
         * @description Answers 200 while the process is up and serving HTTP.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ok";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Readiness
         * @description Checks the database, Redis (when configured) and the language-model engine. Answers 503 with the same body when one is not ready, saying which and why.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status: "ready" | "not_ready";
                            checks: {
                                database: {
                                    status: "ok" | "unavailable";
                                    detail?: string;
                                };
                                redis?: {
                                    status: "ok" | "unavailable";
                                    detail?: string;
                                };
                                engine: {
                                    status: "ok" | "unavailable";
                                    detail?: string;
                                } & {
                                    state: string;
                                    engine: string;
                                    model: string;
                                    progress?: number;
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status: "ready" | "not_ready";
                            checks: {
                                database: {
                                    status: "ok" | "unavailable";
                                    detail?: string;
                                };
                                redis?: {
                                    status: "ok" | "unavailable";
                                    detail?: string;
                                };
                                engine: {
                                    status: "ok" | "unavailable";
                                    detail?: string;
                                } & {
                                    state: string;
                                    engine: string;
                                    model: string;
                                    progress?: number;
                                };
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in (OAuth2 password grant)
         * @description Takes `username` and `password` as a form (`grant_type=password` optional) and answers an access token and a refresh token. Unknown users, wrong passwords and disabled users get the same 401 `invalid_credentials`. Limited per client address (every attempt) and per username (failed attempts): 429 with Retry-After.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/x-www-form-urlencoded": {
                        /** @enum {string} */
                        grant_type?: "password";
                        username: string;
                        password: string;
                        /** @description Accepted and ignored. */
                        scope?: string;
                        /** @description Accepted and ignored. */
                        client_id?: string;
                        /** @description Accepted and ignored. */
                        client_secret?: string;
                    };
                    "application/json": {
                        /** @enum {string} */
                        grant_type?: "password";
                        username: string;
                        password: string;
                        /** @description Accepted and ignored. */
                        scope?: string;
                        /** @description Accepted and ignored. */
                        client_id?: string;
                        /** @description Accepted and ignored. */
                        client_secret?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description JWT (HS256) for the Authorization header */
                            access_token: string;
                            /** @enum {string} */
                            token_type: "bearer";
                            /** @description Seconds until the access token expires */
                            expires_in: number;
                            /** @description Single-use; exchange it at /auth/refresh */
                            refresh_token: string;
                        };
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchange a refresh token for a new pair
         * @description Takes `{refresh_token}` as JSON, or a form with `grant_type=refresh_token`. The token is single-use: the answer carries its replacement. Presenting a used or revoked token revokes every token descended from the same sign-in and answers 401 `refresh_token_reused`; an unknown or expired one answers 401 `invalid_refresh_token`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        grant_type?: "refresh_token";
                        refresh_token: string;
                    };
                    "application/x-www-form-urlencoded": {
                        /** @enum {string} */
                        grant_type?: "refresh_token";
                        refresh_token: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description JWT (HS256) for the Authorization header */
                            access_token: string;
                            /** @enum {string} */
                            token_type: "bearer";
                            /** @description Seconds until the access token expires */
                            expires_in: number;
                            /** @description Single-use; exchange it at /auth/refresh */
                            refresh_token: string;
                        };
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign out
         * @description Revokes the refresh token and every token of the same sign-in. Needs no access token: holding the refresh token is proof enough, and a client whose access token has expired can still sign out. Unknown tokens are ignored (204 too). Access tokens already issued stay valid until they expire.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        refresh_token: string;
                    };
                    "application/x-www-form-urlencoded": {
                        refresh_token: string;
                    };
                };
            };
            responses: {
                /** @description Signed out */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List API keys
         * @description The caller's keys that are not revoked (expired ones too), newest first.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                name: string;
                                /** @description The first characters of the key */
                                prefix: string;
                                /** @description The last four characters of the key */
                                last4: string;
                                /** Format: date-time */
                                created_at: string;
                                expires_at: string | null;
                                /** @description Updated at most once a minute */
                                last_used_at: string | null;
                            }[];
                        };
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Create an API key
         * @description Creates a long-lived key for tools and editors, usable as a bearer token on every route (and on the OpenAI-compatible `/v1`). The key is in this answer only; the server keeps its SHA-256 digest. Needs a signed-in session, not a key.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "name": "laptop editor",
                     *       "expires_in_days": 90
                     *     }
                     */
                    "application/json": {
                        /** @description What the key is for */
                        name: string;
                        /** Format: date-time */
                        expires_at?: string;
                        expires_in_days?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            /** @description The first characters of the key */
                            prefix: string;
                            /** @description The last four characters of the key */
                            last4: string;
                            /** Format: date-time */
                            created_at: string;
                            expires_at: string | null;
                            /** @description Updated at most once a minute */
                            last_used_at: string | null;
                        } & {
                            /** @description The key itself; shown only this once */
                            key: string;
                        };
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/keys/{key_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke an API key
         * @description The key stops working at once. 404 for unknown or already revoked keys.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Revoked */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The current user
         * @description Describes the user the access token belongs to.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            username: string;
                            is_admin: boolean;
                            disabled: boolean;
                            /** Format: date-time */
                            created_at: string;
                        };
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List users
         * @description Administrators only. Ordered by username; page with limit and offset.
         */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                username: string;
                                is_admin: boolean;
                                disabled: boolean;
                                /** Format: date-time */
                                created_at: string;
                            }[];
                            total: number;
                            limit: number;
                            offset: number;
                        };
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a user
         * @description Administrators only. Answers 201 with a Location header; 409 `user_exists` when the username is taken.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 1 to 64 characters of A-Z a-z 0-9 . _ - */
                        username: string;
                        password: string;
                        is_admin?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            username: string;
                            is_admin: boolean;
                            disabled: boolean;
                            /** Format: date-time */
                            created_at: string;
                        };
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a user
         * @description Administrators only. 404 `user_not_found` for an unknown id.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    user_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            username: string;
                            is_admin: boolean;
                            disabled: boolean;
                            /** Format: date-time */
                            created_at: string;
                        };
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Delete a user
         * @description Administrators only. Deletes the user with their files and sessions. An administrator cannot delete themselves: 409 `self_lockout`.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    user_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Change a user
         * @description Administrators only. Disables or enables a user, grants or drops the admin role, or sets a new password. Disabling or a new password ends the user's sessions. An administrator cannot disable themselves or drop their own admin role: 409 `self_lockout`.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    user_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Also ends their sessions */
                        disabled?: boolean;
                        is_admin?: boolean;
                        /** @description Also ends their sessions */
                        password?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            username: string;
                            is_admin: boolean;
                            disabled: boolean;
                            /** Format: date-time */
                            created_at: string;
                        };
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/files": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List files
         * @description Lists the workspace’s files ordered by path, without content. Page with `cursor` (stable under concurrent writes) or `offset`; filter by `path_prefix` and `language`.
         */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    /** @description Not with `cursor` */
                    offset?: number;
                    /** @description Plain string prefix, case-sensitive: "src/" for a folder */
                    path_prefix?: string;
                    /** @description Lowercase language id; detected from the file name when omitted */
                    language?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /**
                                 * @description Opaque file id
                                 * @example f_q3v7k2m4x6a8c0e2g4i6k8m0o2
                                 */
                                id: string;
                                /** @example src/app.py */
                                path: string;
                                /** @example python */
                                language: string;
                                /** @description Content size in UTF-8 bytes */
                                size: number;
                                /** @description Bumped by every write */
                                version: number;
                                /** @description SHA-256 of the content, hex */
                                content_hash: string;
                                /** Format: date-time */
                                created_at: string;
                                /** Format: date-time */
                                updated_at: string;
                            }[];
                            /** @description Files matching the filters */
                            total: number;
                            /** @description Pass as `cursor` for the next page; absent on the last */
                            next_cursor?: string;
                        };
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a file
         * @description Stores a new file at version 1. The language is detected from the name unless given. Answers 409 `file_exists` when the caller already has a file at the path.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description Relative POSIX path. Normalised (NFC, no "./" or repeated "/"); absolute paths, ".." segments, backslashes and control characters are refused
                         * @example src/app.py
                         */
                        path: string;
                        /**
                         * @description UTF-8 text without NUL; at most ATELIER_MAX_FILE_BYTES bytes
                         * @example print("hello")
                         */
                        content: string;
                        /**
                         * @description Lowercase language id; detected from the file name when omitted
                         * @example python
                         * @example typescript
                         * @example plaintext
                         */
                        language?: string;
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        /** @description Strong validator of this version */
                        etag?: string;
                        /** @description The file URL */
                        location?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * @description Opaque file id
                             * @example f_q3v7k2m4x6a8c0e2g4i6k8m0o2
                             */
                            id: string;
                            /** @example src/app.py */
                            path: string;
                            /** @example python */
                            language: string;
                            /** @description Content size in UTF-8 bytes */
                            size: number;
                            /** @description Bumped by every write */
                            version: number;
                            /** @description SHA-256 of the content, hex */
                            content_hash: string;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            content: string;
                        };
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/files/{file_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a file
         * @description Returns the file with its content and ETag. Answers 304 when If-None-Match (weak comparison) matches the current ETag.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    file_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The file with its content */
                200: {
                    headers: {
                        /** @description Strong validator of this version */
                        etag?: string;
                        "cache-control"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * @description Opaque file id
                             * @example f_q3v7k2m4x6a8c0e2g4i6k8m0o2
                             */
                            id: string;
                            /** @example src/app.py */
                            path: string;
                            /** @example python */
                            language: string;
                            /** @description Content size in UTF-8 bytes */
                            size: number;
                            /** @description Bumped by every write */
                            version: number;
                            /** @description SHA-256 of the content, hex */
                            content_hash: string;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            content: string;
                        };
                    };
                };
                /** @description Not modified; the ETag header is repeated */
                304: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /**
         * Update a file
         * @description Changes any of content, path and language, and bumps the version. A rename without a language re-detects it unless it had been set by hand. Honours If-Match (strong comparison) and answers 412 `precondition_failed` when it does not match the current ETag, or when another write wins the race. Without If-Match the write proceeds unconditionally (last writer wins).
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    file_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description Relative POSIX path. Normalised (NFC, no "./" or repeated "/"); absolute paths, ".." segments, backslashes and control characters are refused
                         * @example src/app.py
                         */
                        path?: string;
                        /**
                         * @description UTF-8 text without NUL; at most ATELIER_MAX_FILE_BYTES bytes
                         * @example print("hello")
                         */
                        content?: string;
                        /**
                         * @description Lowercase language id; detected from the file name when omitted
                         * @example python
                         * @example typescript
                         * @example plaintext
                         */
                        language?: string;
                    };
                };
            };
            responses: {
                /** @description The file with its content */
                200: {
                    headers: {
                        /** @description Strong validator of this version */
                        etag?: string;
                        "cache-control"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * @description Opaque file id
                             * @example f_q3v7k2m4x6a8c0e2g4i6k8m0o2
                             */
                            id: string;
                            /** @example src/app.py */
                            path: string;
                            /** @example python */
                            language: string;
                            /** @description Content size in UTF-8 bytes */
                            size: number;
                            /** @description Bumped by every write */
                            version: number;
                            /** @description SHA-256 of the content, hex */
                            content_hash: string;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            content: string;
                        };
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        /**
         * Delete a file
         * @description Deletes the file. Honours If-Match (strong comparison) and answers 412 `precondition_failed` when it does not match the current ETag, or when another write wins the race. Without If-Match the write proceeds unconditionally (last writer wins).
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    file_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/files/{file_id}/outline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A file's outline
         * @description Symbols (with ranges, signatures and nested members), imports and parse errors, from tree-sitter. Languages without a grammar answer `parsed: false`. The ETag is the file's, so `If-None-Match` answers 304 while the file is unchanged.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    file_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        /** @description The file version the outline is of */
                        etag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            file_id: string;
                            version: number;
                            language: string;
                            /** @description False for languages without a grammar, which are plain text */
                            parsed: boolean;
                            symbols: {
                                name: string;
                                /** @description function, method, class, interface, struct, enum, trait, module, type, … */
                                kind: string;
                                range: {
                                    start: {
                                        line: number;
                                        /** @description 1-based, in UTF-16 code units */
                                        column: number;
                                    };
                                    end: {
                                        line: number;
                                        /** @description 1-based, in UTF-16 code units */
                                        column: number;
                                    };
                                };
                                /** @description The definition up to its body */
                                signature: string;
                                children: {
                                    name: string;
                                    /** @description function, method, class, interface, struct, enum, trait, module, type, … */
                                    kind: string;
                                    range: {
                                        start: {
                                            line: number;
                                            /** @description 1-based, in UTF-16 code units */
                                            column: number;
                                        };
                                        end: {
                                            line: number;
                                            /** @description 1-based, in UTF-16 code units */
                                            column: number;
                                        };
                                    };
                                    /** @description The definition up to its body */
                                    signature: string;
                                    children: {
                                        name: string;
                                        /** @description function, method, class, interface, struct, enum, trait, module, type, … */
                                        kind: string;
                                        range: {
                                            start: {
                                                line: number;
                                                /** @description 1-based, in UTF-16 code units */
                                                column: number;
                                            };
                                            end: {
                                                line: number;
                                                /** @description 1-based, in UTF-16 code units */
                                                column: number;
                                            };
                                        };
                                        /** @description The definition up to its body */
                                        signature: string;
                                        children: {
                                            name: string;
                                            /** @description function, method, class, interface, struct, enum, trait, module, type, … */
                                            kind: string;
                                            range: {
                                                start: {
                                                    line: number;
                                                    /** @description 1-based, in UTF-16 code units */
                                                    column: number;
                                                };
                                                end: {
                                                    line: number;
                                                    /** @description 1-based, in UTF-16 code units */
                                                    column: number;
                                                };
                                            };
                                            /** @description The definition up to its body */
                                            signature: string;
                                            children: unknown[];
                                        }[];
                                    }[];
                                }[];
                            }[];
                            imports: {
                                text: string;
                                range: {
                                    start: {
                                        line: number;
                                        /** @description 1-based, in UTF-16 code units */
                                        column: number;
                                    };
                                    end: {
                                        line: number;
                                        /** @description 1-based, in UTF-16 code units */
                                        column: number;
                                    };
                                };
                            }[];
                            errors: {
                                kind: "error" | "missing";
                                message: string;
                                range: {
                                    start: {
                                        line: number;
                                        /** @description 1-based, in UTF-16 code units */
                                        column: number;
                                    };
                                    end: {
                                        line: number;
                                        /** @description 1-based, in UTF-16 code units */
                                        column: number;
                                    };
                                };
                                /** @description The source line where the problem starts */
                                snippet: string;
                            }[];
                        };
                    };
                };
                /** @description Not modified */
                304: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/files/{file_id}/edits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Apply edits to a file
         * @description Applies search/replace `edits` (in order, each to the result of the previous) or a one-file unified `diff`, all or nothing. Requires If-Match (428 without, 412 when stale). A search text that does not occur exactly once, or a hunk that does not fit, answers 409 `edit_conflict` with `edit_index` and the closest `candidate` region. A result with syntax errors the file did not have answers 422 `syntax_error` unless `force`. `?dry_run=true` returns the diff without writing.
         */
        post: {
            parameters: {
                query?: {
                    /** @description Only return the diff */
                    dry_run?: boolean;
                };
                header?: never;
                path: {
                    file_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "edits": [
                     *         {
                     *           "search": "return n\n",
                     *           "replace": "return max(n, 0)\n"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        edits: {
                            search: string;
                            replace: string;
                        }[];
                        /** @description Apply even if the result has syntax errors the file did not have (default false) */
                        force?: boolean;
                    } | {
                        diff: string;
                        /** @description Apply even if the result has syntax errors the file did not have (default false) */
                        force?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        /** @description The file's ETag after the request */
                        etag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            dry_run: boolean;
                            /** @description False on a dry run or when nothing changed */
                            written: boolean;
                            /** @description Unified diff from the old content to the new */
                            diff: string;
                            /** @description Size of the resulting content, UTF-8 bytes */
                            size: number;
                            /** @description SHA-256 of the resulting content */
                            content_hash: string;
                            /** @description After a write */
                            file?: {
                                /**
                                 * @description Opaque file id
                                 * @example f_q3v7k2m4x6a8c0e2g4i6k8m0o2
                                 */
                                id: string;
                                /** @example src/app.py */
                                path: string;
                                /** @example python */
                                language: string;
                                /** @description Content size in UTF-8 bytes */
                                size: number;
                                /** @description Bumped by every write */
                                version: number;
                                /** @description SHA-256 of the content, hex */
                                content_hash: string;
                                /** Format: date-time */
                                created_at: string;
                                /** Format: date-time */
                                updated_at: string;
                                content: string;
                            };
                        };
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/repo-map": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Repository map
         * @description The most relevant symbols across the caller's files: files reference one another through the names they use and define; a PageRank over those references (toward `file_id` when given) ranks the definitions, and the best fit in `budget` tokens.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Most tokens the map may take */
                    budget?: number;
                    /** @description Rank toward this file: what it uses and what is near it */
                    file_id?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            budget: number;
                            /** @description Tokens the text takes */
                            tokens: number;
                            /**
                             * @description `engine`: counted with the model's tokenizer; `estimate` before it is ready
                             * @enum {unknown}
                             */
                            token_count: "engine" | "estimate";
                            files_considered: number;
                            files_parsed: number;
                            /** @description Best ranked first */
                            entries: {
                                file_id: string;
                                path: string;
                                name: string;
                                kind: string;
                                signature: string;
                                line: number;
                                rank: number;
                            }[];
                            /** @description The map as a model sees it */
                            text: string;
                        };
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/files/{file_id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a file's versions
         * @description Every write (create, update, rename, delete, restore, undo) is a version, newest first, without content. Deleted files keep their history.
         */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                };
                header?: never;
                path: {
                    file_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description The file's version after this write */
                                n: number;
                                path: string;
                                language: string;
                                size: number;
                                content_hash: string | null;
                                /** @description This write deleted the file */
                                deleted: boolean;
                                /**
                                 * @example manual
                                 * @example ai-edit
                                 * @example restore
                                 * @example undo
                                 * @example delete
                                 */
                                reason: string;
                                /** @description ai-edit: the AI operation */
                                operation?: string;
                                /** @description ai-edit: the model */
                                model?: string;
                                /** @description restore and undo: the version whose state was copied */
                                restored_from?: number;
                                author: {
                                    id: string;
                                    username: string;
                                } | null;
                                /** Format: date-time */
                                created_at: string;
                            }[];
                            total: number;
                        };
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/files/{file_id}/versions/{n}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read one version
         * @description The version with its content (null when it deleted the file).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    file_id: string;
                    n: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The file's version after this write */
                            n: number;
                            path: string;
                            language: string;
                            size: number;
                            content_hash: string | null;
                            /** @description This write deleted the file */
                            deleted: boolean;
                            /**
                             * @example manual
                             * @example ai-edit
                             * @example restore
                             * @example undo
                             * @example delete
                             */
                            reason: string;
                            /** @description ai-edit: the AI operation */
                            operation?: string;
                            /** @description ai-edit: the model */
                            model?: string;
                            /** @description restore and undo: the version whose state was copied */
                            restored_from?: number;
                            author: {
                                id: string;
                                username: string;
                            } | null;
                            /** Format: date-time */
                            created_at: string;
                            content: string | null;
                        };
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/files/{file_id}/versions/{n}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Restore a version
         * @description Writes version `n`’s path, language and content as a new version (reason `restore`), undeleting the file if needed. 409 `version_is_deletion` when `n` deleted the file; 409 `file_exists` when its path is taken. Honours If-Match (412 when stale); the write is pinned to the version read, so a concurrent write makes it 412 too.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    file_id: string;
                    n: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The file after the write */
                200: {
                    headers: {
                        etag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * @description Opaque file id
                             * @example f_q3v7k2m4x6a8c0e2g4i6k8m0o2
                             */
                            id: string;
                            /** @example src/app.py */
                            path: string;
                            /** @example python */
                            language: string;
                            /** @description Content size in UTF-8 bytes */
                            size: number;
                            /** @description Bumped by every write */
                            version: number;
                            /** @description SHA-256 of the content, hex */
                            content_hash: string;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            content: string | null;
                            deleted_at: string | null;
                        };
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/files/{file_id}/undo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Undo the most recent change
         * @description Writes the previous version again (reason `undo`). Undoing again steps further back; undoing a deletion restores the file, undoing a restore of a deleted file deletes it again. 409 `nothing_to_undo` at the first version (a create is undone by deleting the file). Honours If-Match (412 when stale); the write is pinned to the version read, so a concurrent write makes it 412 too.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    file_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The file after the write */
                200: {
                    headers: {
                        etag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * @description Opaque file id
                             * @example f_q3v7k2m4x6a8c0e2g4i6k8m0o2
                             */
                            id: string;
                            /** @example src/app.py */
                            path: string;
                            /** @example python */
                            language: string;
                            /** @description Content size in UTF-8 bytes */
                            size: number;
                            /** @description Bumped by every write */
                            version: number;
                            /** @description SHA-256 of the content, hex */
                            content_hash: string;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            content: string | null;
                            deleted_at: string | null;
                        };
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/trash": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List deleted files
         * @description Deleted files, most recently deleted first; restore them by id.
         */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /**
                                 * @description Opaque file id
                                 * @example f_q3v7k2m4x6a8c0e2g4i6k8m0o2
                                 */
                                id: string;
                                /** @example src/app.py */
                                path: string;
                                /** @example python */
                                language: string;
                                /** @description Content size in UTF-8 bytes */
                                size: number;
                                /** @description Bumped by every write */
                                version: number;
                                /** @description SHA-256 of the content, hex */
                                content_hash: string;
                                /** Format: date-time */
                                created_at: string;
                                /** Format: date-time */
                                updated_at: string;
                                /** Format: date-time */
                                deleted_at: string;
                            }[];
                        };
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/files/{file_id}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Restore a deleted file
         * @description Brings a deleted file back with its last content (reason `restore`). 409 `file_not_deleted` for a live file; 409 `file_exists` when its path is taken. Honours If-Match (412 when stale); the write is pinned to the version read, so a concurrent write makes it 412 too.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    file_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The file after the write */
                200: {
                    headers: {
                        etag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * @description Opaque file id
                             * @example f_q3v7k2m4x6a8c0e2g4i6k8m0o2
                             */
                            id: string;
                            /** @example src/app.py */
                            path: string;
                            /** @example python */
                            language: string;
                            /** @description Content size in UTF-8 bytes */
                            size: number;
                            /** @description Bumped by every write */
                            version: number;
                            /** @description SHA-256 of the content, hex */
                            content_hash: string;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            content: string | null;
                            deleted_at: string | null;
                        };
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/export.tar": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export as a git repository
         * @description A tar of a git repository (branch `main`, checked out) with one commit per version of every file in write order: author = the version’s author, time = the write’s time, message = `reason: path` (AI edits add operation and model). Files under a `.git` folder are left out.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A tar archive holding one folder, `atelier-export`: a git repository */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/x-tar": string;
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ai/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Complete code at the cursor
         * @description Completes `code` (the text before the cursor), or a stored file at `cursor`. With a `suffix` (or a cursor inside a file) it is a fill-in-the-middle completion using the model's FIM tokens when it has them. `max_time_ms` caps generation time. The `Server-Timing` header splits queue, prompt and generation. With `stream: true` the answer is `text/event-stream`: `token` events (`{"text"}`) as text is generated, then one `done` event with the fields of the JSON answer, or an `error` event with a problem body; see the README. With `temperature: 0` answers are cached: `X-Cache` (`hit`, `miss` or `bypass`) and `cached` say whether this one was; `cache: false` or `Cache-Control: no-store` opts out, `Cache-Control: no-cache` skips the lookup but stores the fresh answer.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "code": "def fib(n):\n    ",
                     *       "language": "python",
                     *       "max_tokens": 64
                     *     }
                     */
                    "application/json": {
                        /** @description The code; or give `file_id`. */
                        code?: string;
                        /** @description A stored file to work on. */
                        file_id?: string;
                        /**
                         * @description Language id such as `python` or `typescript`; taken from the file when omitted.
                         * @example python
                         */
                        language?: string;
                        suffix?: string;
                        cursor?: {
                            /** @description 1-based line */
                            line: number;
                            /** @description 1-based column, in characters */
                            column: number;
                        };
                        stop?: string[];
                        /** @default 128 */
                        max_tokens?: number;
                        /** @default 0.2 */
                        temperature?: number;
                        /** @description Stop generating after this long and answer with what there is. */
                        max_time_ms?: number;
                        /**
                         * @description Answer with server-sent events (`text/event-stream`) as text is generated.
                         * @default false
                         */
                        stream?: boolean;
                        /**
                         * @description With `temperature: 0`, serve and store the answer in the answer cache; `false` neither reads nor writes it.
                         * @default true
                         */
                        cache?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            completion: string;
                            /**
                             * @description `infill` used FIM tokens, `text` continued the code, `chat` a prompt
                             * @enum {unknown}
                             */
                            mode: "infill" | "text" | "chat";
                            /** @description Whether distant code was left out to fit */
                            context_trimmed: boolean;
                            model: string;
                            /** @enum {unknown} */
                            finish_reason: "stop" | "length" | "time_limit" | "cancelled";
                            /** @description Served from the answer cache: no tokens were charged for it */
                            cached: boolean;
                            usage: {
                                prompt_tokens: number;
                                completion_tokens: number;
                                total_tokens: number;
                            };
                        };
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ai/explain": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Explain code
         * @description Explains `code` or a stored file in Markdown, optionally answering `question`. With `stream: true` the answer is `text/event-stream`: `token` events (`{"text"}`) as text is generated, then one `done` event with the fields of the JSON answer, or an `error` event with a problem body; see the README. With `temperature: 0` answers are cached: `X-Cache` (`hit`, `miss` or `bypass`) and `cached` say whether this one was; `cache: false` or `Cache-Control: no-store` opts out, `Cache-Control: no-cache` skips the lookup but stores the fresh answer.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "code": "print(sum(range(10)))",
                     *       "language": "python"
                     *     }
                     */
                    "application/json": {
                        /** @description The code; or give `file_id`. */
                        code?: string;
                        /** @description A stored file to work on. */
                        file_id?: string;
                        /**
                         * @description Language id such as `python` or `typescript`; taken from the file when omitted.
                         * @example python
                         */
                        language?: string;
                        question?: string;
                        /** @default 512 */
                        max_tokens?: number;
                        /** @default 0.2 */
                        temperature?: number;
                        /** @description Stop generating after this long and answer with what there is. */
                        max_time_ms?: number;
                        /**
                         * @description Answer with server-sent events (`text/event-stream`) as text is generated.
                         * @default false
                         */
                        stream?: boolean;
                        /**
                         * @description With `temperature: 0`, serve and store the answer in the answer cache; `false` neither reads nor writes it.
                         * @default true
                         */
                        cache?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Markdown */
                            explanation: string;
                            model: string;
                            /** @enum {unknown} */
                            finish_reason: "stop" | "length" | "time_limit" | "cancelled";
                            /** @description Served from the answer cache: no tokens were charged for it */
                            cached: boolean;
                            usage: {
                                prompt_tokens: number;
                                completion_tokens: number;
                                total_tokens: number;
                            };
                        };
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ai/refactor": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Suggest refactorings with concrete edits
         * @description Returns suggestions, each with a title, a rationale and an edit (a search text found exactly once in the input and its replacement, plus the same edit as a unified diff). The model's output is constrained to a JSON schema and every edit is checked to apply cleanly; `discarded` counts the ones that did not. With `apply: true` (and `file_id`, plus If-Match or `expected_version`: 428 without, 412 when stale) the chosen suggestions (`apply_indices`, default all) are applied in one atomic edit, as POST /files/{id}/edits does (409, 422 `syntax_error` unless `force`); `applied` holds the diff and the updated file. With `stream: true` the answer is `text/event-stream`: `token` events (`{"text"}`) as text is generated, then one `done` event with the fields of the JSON answer, or an `error` event with a problem body; see the README. With `temperature: 0` answers are cached: `X-Cache` (`hit`, `miss` or `bypass`) and `cached` say whether this one was; `cache: false` or `Cache-Control: no-store` opts out, `Cache-Control: no-cache` skips the lookup but stores the fresh answer.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "code": "x = 1\nif x == 1:\n    print(\"one\")",
                     *       "language": "python"
                     *     }
                     */
                    "application/json": {
                        /** @description The code; or give `file_id`. */
                        code?: string;
                        /** @description A stored file to work on. */
                        file_id?: string;
                        /**
                         * @description Language id such as `python` or `typescript`; taken from the file when omitted.
                         * @example python
                         */
                        language?: string;
                        instructions?: string;
                        /** @default 3 */
                        max_suggestions?: number;
                        /**
                         * @description Apply the suggestions to the stored file (`file_id`) in one atomic edit; needs If-Match or `expected_version`
                         * @default false
                         */
                        apply?: boolean;
                        /** @description Which suggestions to apply, in this order; all when omitted */
                        apply_indices?: number[];
                        /** @description The file version the caller saw; or If-Match */
                        expected_version?: number;
                        /**
                         * @description Apply even if the result has syntax errors the file did not have
                         * @default false
                         */
                        force?: boolean;
                        /** @default 1024 */
                        max_tokens?: number;
                        /** @default 0 */
                        temperature?: number;
                        /** @description Stop generating after this long and answer with what there is. */
                        max_time_ms?: number;
                        /**
                         * @description Answer with server-sent events (`text/event-stream`) as text is generated.
                         * @default false
                         */
                        stream?: boolean;
                        /**
                         * @description With `temperature: 0`, serve and store the answer in the answer cache; `false` neither reads nor writes it.
                         * @default true
                         */
                        cache?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            suggestions: {
                                title: string;
                                rationale: string;
                                edit: {
                                    /** @description Exact text found once in the input */
                                    search: string;
                                    replace: string;
                                };
                                /** @description The edit as a unified diff */
                                diff: string;
                            }[];
                            /** @description Suggestions dropped because they did not apply */
                            discarded: number;
                            applied?: {
                                /** @description The suggestions applied, in order */
                                indices: number[];
                                /** @description False when the chosen edits changed nothing */
                                written: boolean;
                                diff: string;
                                /** @description The file's ETag after the edit */
                                etag: string;
                                file: {
                                    /**
                                     * @description Opaque file id
                                     * @example f_q3v7k2m4x6a8c0e2g4i6k8m0o2
                                     */
                                    id: string;
                                    /** @example src/app.py */
                                    path: string;
                                    /** @example python */
                                    language: string;
                                    /** @description Content size in UTF-8 bytes */
                                    size: number;
                                    /** @description Bumped by every write */
                                    version: number;
                                    /** @description SHA-256 of the content, hex */
                                    content_hash: string;
                                    /** Format: date-time */
                                    created_at: string;
                                    /** Format: date-time */
                                    updated_at: string;
                                    content: string;
                                };
                            };
                            model: string;
                            /** @enum {unknown} */
                            finish_reason: "stop" | "length" | "time_limit" | "cancelled";
                            /** @description Served from the answer cache: no tokens were charged for it */
                            cached: boolean;
                            usage: {
                                prompt_tokens: number;
                                completion_tokens: number;
                                total_tokens: number;
                            };
                        };
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ai/analyze": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Analyse files in the background
         * @description Queues an analysis of stored files (`file_ids`, or every file under `path_prefix`) or of `code`, and answers 202 with the job and its `Location`. Per file: symbols, size, nesting and complexity figures, long functions and duplicated blocks from tree-sitter, plus the model's findings; `checks` picks the parts. Follow the job at GET /jobs/{id} or its events.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "path_prefix": "src/",
                     *       "checks": [
                     *         "metrics",
                     *         "duplicates",
                     *         "model"
                     *       ]
                     *     }
                     */
                    "application/json": {
                        file_ids?: string[];
                        path_prefix?: string;
                        code?: string;
                        language?: string;
                        /**
                         * @description Which parts run; all of them by default
                         * @default [
                         *       "symbols",
                         *       "metrics",
                         *       "long_functions",
                         *       "duplicates",
                         *       "model"
                         *     ]
                         */
                        checks?: ("symbols" | "metrics" | "long_functions" | "duplicates" | "model")[];
                        /**
                         * @description Most tokens of the model's findings per file
                         * @default 512
                         */
                        max_tokens?: number;
                        /** @default 5 */
                        max_findings?: number;
                        /**
                         * @description Functions with at least this many lines are long
                         * @default 50
                         */
                        long_function_lines?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            kind: string;
                            workspace_id: string | null;
                            /** @enum {unknown} */
                            status: "queued" | "running" | "succeeded" | "failed" | "cancelled";
                            progress: {
                                done: number;
                                total: number;
                            };
                            attempts: number;
                            max_attempts: number;
                            request: {
                                file_ids?: string[];
                                path_prefix?: string;
                                code_bytes?: number;
                                language?: string;
                                checks: string[];
                            };
                            /** Format: date-time */
                            created_at: string;
                            started_at: string | null;
                            finished_at: string | null;
                            /** Format: date-time */
                            updated_at: string;
                            result: {
                                checks: string[];
                                summary: {
                                    files: number;
                                    analyzed: number;
                                    failed: number;
                                    lines: number;
                                    symbols: number;
                                    functions: number;
                                    long_functions: number;
                                    duplicate_blocks: number;
                                    findings: number;
                                    max_complexity: number;
                                    max_nesting: number;
                                    most_complex: {
                                        path: string | null;
                                        function: string;
                                        complexity: number;
                                    } | null;
                                };
                                files: {
                                    file_id: string | null;
                                    path: string | null;
                                    language: string;
                                    /** @enum {unknown} */
                                    status: "analyzed" | "failed";
                                    error?: {
                                        code: string;
                                        detail: string;
                                    };
                                    lines?: number;
                                    bytes?: number;
                                    parsed?: boolean;
                                    symbol_count?: number;
                                    symbols?: {
                                        name: string;
                                        kind: string;
                                        start_line: number;
                                        end_line: number;
                                        /** @description Nested symbols, in the same shape */
                                        children: unknown[];
                                    }[];
                                    max_nesting?: number;
                                    max_complexity?: number;
                                    functions?: {
                                        name: string;
                                        kind: string;
                                        start_line: number;
                                        end_line: number;
                                        lines: number;
                                        /** @description One plus the branches, loops, cases and && / || */
                                        complexity: number;
                                        max_nesting: number;
                                    }[];
                                    long_functions?: {
                                        name: string;
                                        kind: string;
                                        start_line: number;
                                        end_line: number;
                                        lines: number;
                                        /** @description One plus the branches, loops, cases and && / || */
                                        complexity: number;
                                        max_nesting: number;
                                    }[];
                                    duplicates?: {
                                        lines: number;
                                        occurrences: {
                                            start_line: number;
                                            end_line: number;
                                        }[];
                                    }[];
                                    findings?: {
                                        line: number;
                                        /** @enum {unknown} */
                                        severity: "info" | "warning" | "error";
                                        /** @enum {unknown} */
                                        category: "bug" | "security" | "error_handling" | "complexity" | "naming" | "duplication" | "style" | "performance";
                                        message: string;
                                    }[];
                                    model?: string;
                                    model_error?: {
                                        code: string;
                                        detail: string;
                                    };
                                }[];
                            } | null;
                            problem: {
                                code: string;
                                detail: string;
                            } | null;
                            links: {
                                self: string;
                                events: string;
                            };
                        };
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List your jobs
         * @description Your jobs, newest first, without their results; filter by `status`.
         */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                    status?: "queued" | "running" | "succeeded" | "failed" | "cancelled";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Newest first, without `result` */
                            items: {
                                id: string;
                                kind: string;
                                workspace_id: string | null;
                                /** @enum {unknown} */
                                status: "queued" | "running" | "succeeded" | "failed" | "cancelled";
                                progress: {
                                    done: number;
                                    total: number;
                                };
                                attempts: number;
                                max_attempts: number;
                                request: {
                                    file_ids?: string[];
                                    path_prefix?: string;
                                    code_bytes?: number;
                                    language?: string;
                                    checks: string[];
                                };
                                /** Format: date-time */
                                created_at: string;
                                started_at: string | null;
                                finished_at: string | null;
                                /** Format: date-time */
                                updated_at: string;
                                result: {
                                    checks: string[];
                                    summary: {
                                        files: number;
                                        analyzed: number;
                                        failed: number;
                                        lines: number;
                                        symbols: number;
                                        functions: number;
                                        long_functions: number;
                                        duplicate_blocks: number;
                                        findings: number;
                                        max_complexity: number;
                                        max_nesting: number;
                                        most_complex: {
                                            path: string | null;
                                            function: string;
                                            complexity: number;
                                        } | null;
                                    };
                                    files: {
                                        file_id: string | null;
                                        path: string | null;
                                        language: string;
                                        /** @enum {unknown} */
                                        status: "analyzed" | "failed";
                                        error?: {
                                            code: string;
                                            detail: string;
                                        };
                                        lines?: number;
                                        bytes?: number;
                                        parsed?: boolean;
                                        symbol_count?: number;
                                        symbols?: {
                                            name: string;
                                            kind: string;
                                            start_line: number;
                                            end_line: number;
                                            /** @description Nested symbols, in the same shape */
                                            children: unknown[];
                                        }[];
                                        max_nesting?: number;
                                        max_complexity?: number;
                                        functions?: {
                                            name: string;
                                            kind: string;
                                            start_line: number;
                                            end_line: number;
                                            lines: number;
                                            /** @description One plus the branches, loops, cases and && / || */
                                            complexity: number;
                                            max_nesting: number;
                                        }[];
                                        long_functions?: {
                                            name: string;
                                            kind: string;
                                            start_line: number;
                                            end_line: number;
                                            lines: number;
                                            /** @description One plus the branches, loops, cases and && / || */
                                            complexity: number;
                                            max_nesting: number;
                                        }[];
                                        duplicates?: {
                                            lines: number;
                                            occurrences: {
                                                start_line: number;
                                                end_line: number;
                                            }[];
                                        }[];
                                        findings?: {
                                            line: number;
                                            /** @enum {unknown} */
                                            severity: "info" | "warning" | "error";
                                            /** @enum {unknown} */
                                            category: "bug" | "security" | "error_handling" | "complexity" | "naming" | "duplication" | "style" | "performance";
                                            message: string;
                                        }[];
                                        model?: string;
                                        model_error?: {
                                            code: string;
                                            detail: string;
                                        };
                                    }[];
                                } | null;
                                problem: {
                                    code: string;
                                    detail: string;
                                } | null;
                                links: {
                                    self: string;
                                    events: string;
                                };
                            }[];
                            total: number;
                            limit: number;
                            offset: number;
                        };
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs/{job_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A job: status, progress, and its result or problem */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    job_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            kind: string;
                            workspace_id: string | null;
                            /** @enum {unknown} */
                            status: "queued" | "running" | "succeeded" | "failed" | "cancelled";
                            progress: {
                                done: number;
                                total: number;
                            };
                            attempts: number;
                            max_attempts: number;
                            request: {
                                file_ids?: string[];
                                path_prefix?: string;
                                code_bytes?: number;
                                language?: string;
                                checks: string[];
                            };
                            /** Format: date-time */
                            created_at: string;
                            started_at: string | null;
                            finished_at: string | null;
                            /** Format: date-time */
                            updated_at: string;
                            result: {
                                checks: string[];
                                summary: {
                                    files: number;
                                    analyzed: number;
                                    failed: number;
                                    lines: number;
                                    symbols: number;
                                    functions: number;
                                    long_functions: number;
                                    duplicate_blocks: number;
                                    findings: number;
                                    max_complexity: number;
                                    max_nesting: number;
                                    most_complex: {
                                        path: string | null;
                                        function: string;
                                        complexity: number;
                                    } | null;
                                };
                                files: {
                                    file_id: string | null;
                                    path: string | null;
                                    language: string;
                                    /** @enum {unknown} */
                                    status: "analyzed" | "failed";
                                    error?: {
                                        code: string;
                                        detail: string;
                                    };
                                    lines?: number;
                                    bytes?: number;
                                    parsed?: boolean;
                                    symbol_count?: number;
                                    symbols?: {
                                        name: string;
                                        kind: string;
                                        start_line: number;
                                        end_line: number;
                                        /** @description Nested symbols, in the same shape */
                                        children: unknown[];
                                    }[];
                                    max_nesting?: number;
                                    max_complexity?: number;
                                    functions?: {
                                        name: string;
                                        kind: string;
                                        start_line: number;
                                        end_line: number;
                                        lines: number;
                                        /** @description One plus the branches, loops, cases and && / || */
                                        complexity: number;
                                        max_nesting: number;
                                    }[];
                                    long_functions?: {
                                        name: string;
                                        kind: string;
                                        start_line: number;
                                        end_line: number;
                                        lines: number;
                                        /** @description One plus the branches, loops, cases and && / || */
                                        complexity: number;
                                        max_nesting: number;
                                    }[];
                                    duplicates?: {
                                        lines: number;
                                        occurrences: {
                                            start_line: number;
                                            end_line: number;
                                        }[];
                                    }[];
                                    findings?: {
                                        line: number;
                                        /** @enum {unknown} */
                                        severity: "info" | "warning" | "error";
                                        /** @enum {unknown} */
                                        category: "bug" | "security" | "error_handling" | "complexity" | "naming" | "duplication" | "style" | "performance";
                                        message: string;
                                    }[];
                                    model?: string;
                                    model_error?: {
                                        code: string;
                                        detail: string;
                                    };
                                }[];
                            } | null;
                            problem: {
                                code: string;
                                detail: string;
                            } | null;
                            links: {
                                self: string;
                                events: string;
                            };
                        };
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Cancel a job
         * @description Cancels a queued or running job (again: no change). A running job stops before its next file and its current generation is aborted. 409 once finished.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    job_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            kind: string;
                            workspace_id: string | null;
                            /** @enum {unknown} */
                            status: "queued" | "running" | "succeeded" | "failed" | "cancelled";
                            progress: {
                                done: number;
                                total: number;
                            };
                            attempts: number;
                            max_attempts: number;
                            request: {
                                file_ids?: string[];
                                path_prefix?: string;
                                code_bytes?: number;
                                language?: string;
                                checks: string[];
                            };
                            /** Format: date-time */
                            created_at: string;
                            started_at: string | null;
                            finished_at: string | null;
                            /** Format: date-time */
                            updated_at: string;
                            result: {
                                checks: string[];
                                summary: {
                                    files: number;
                                    analyzed: number;
                                    failed: number;
                                    lines: number;
                                    symbols: number;
                                    functions: number;
                                    long_functions: number;
                                    duplicate_blocks: number;
                                    findings: number;
                                    max_complexity: number;
                                    max_nesting: number;
                                    most_complex: {
                                        path: string | null;
                                        function: string;
                                        complexity: number;
                                    } | null;
                                };
                                files: {
                                    file_id: string | null;
                                    path: string | null;
                                    language: string;
                                    /** @enum {unknown} */
                                    status: "analyzed" | "failed";
                                    error?: {
                                        code: string;
                                        detail: string;
                                    };
                                    lines?: number;
                                    bytes?: number;
                                    parsed?: boolean;
                                    symbol_count?: number;
                                    symbols?: {
                                        name: string;
                                        kind: string;
                                        start_line: number;
                                        end_line: number;
                                        /** @description Nested symbols, in the same shape */
                                        children: unknown[];
                                    }[];
                                    max_nesting?: number;
                                    max_complexity?: number;
                                    functions?: {
                                        name: string;
                                        kind: string;
                                        start_line: number;
                                        end_line: number;
                                        lines: number;
                                        /** @description One plus the branches, loops, cases and && / || */
                                        complexity: number;
                                        max_nesting: number;
                                    }[];
                                    long_functions?: {
                                        name: string;
                                        kind: string;
                                        start_line: number;
                                        end_line: number;
                                        lines: number;
                                        /** @description One plus the branches, loops, cases and && / || */
                                        complexity: number;
                                        max_nesting: number;
                                    }[];
                                    duplicates?: {
                                        lines: number;
                                        occurrences: {
                                            start_line: number;
                                            end_line: number;
                                        }[];
                                    }[];
                                    findings?: {
                                        line: number;
                                        /** @enum {unknown} */
                                        severity: "info" | "warning" | "error";
                                        /** @enum {unknown} */
                                        category: "bug" | "security" | "error_handling" | "complexity" | "naming" | "duplication" | "style" | "performance";
                                        message: string;
                                    }[];
                                    model?: string;
                                    model_error?: {
                                        code: string;
                                        detail: string;
                                    };
                                }[];
                            } | null;
                            problem: {
                                code: string;
                                detail: string;
                            } | null;
                            links: {
                                self: string;
                                events: string;
                            };
                        };
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs/{job_id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A job's events as server-sent events
         * @description Every event of the job from the start, or after `Last-Event-ID` (or `?last_event_id=`), then new ones as they happen: `queued`, `started`, `progress` (`{done, total, file}`), and one of `succeeded`, `failed`, `cancelled`, after which the stream ends. Each event has an `id` to resume from.
         */
        get: {
            parameters: {
                query?: {
                    /** @description As the Last-Event-ID header, for clients that cannot set it */
                    last_event_id?: number;
                };
                header?: never;
                path: {
                    job_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your usage
         * @description Generations by UTC day and operation between `from` and `to` (the last 30 days by default), with totals. Every generation counts, failed and cancelled ones too.
         */
        get: {
            parameters: {
                query?: {
                    /** @description First UTC day, inclusive */
                    from?: string;
                    /** @description Last UTC day, inclusive */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date */
                            from: string;
                            /** Format: date */
                            to: string;
                            items: {
                                /** Format: date */
                                day: string;
                                operation: string;
                                requests: number;
                                prompt_tokens: number;
                                completion_tokens: number;
                                total_tokens: number;
                                /** @description Generation time, summed */
                                duration_ms: number;
                            }[];
                            totals: {
                                requests: number;
                                prompt_tokens: number;
                                completion_tokens: number;
                                total_tokens: number;
                                /** @description Generation time, summed */
                                duration_ms: number;
                            };
                        };
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Everybody's usage
         * @description Administrators only. Generations by user, UTC day and operation.
         */
        get: {
            parameters: {
                query?: {
                    /** @description First UTC day, inclusive */
                    from?: string;
                    /** @description Last UTC day, inclusive */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date */
                            from: string;
                            /** Format: date */
                            to: string;
                            items: {
                                user_id: string;
                                username: string;
                                /** Format: date */
                                day: string;
                                operation: string;
                                requests: number;
                                prompt_tokens: number;
                                completion_tokens: number;
                                total_tokens: number;
                                /** @description Generation time, summed */
                                duration_ms: number;
                            }[];
                            totals: {
                                requests: number;
                                prompt_tokens: number;
                                completion_tokens: number;
                                total_tokens: number;
                                /** @description Generation time, summed */
                                duration_ms: number;
                            };
                        };
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/chat/completions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Chat completion (OpenAI-compatible)
         * @description OpenAI chat completions on the configured engine. `stream: true` answers `text/event-stream` chunks ending in `data: [DONE]`; `stream_options.include_usage` adds a usage chunk. `response_format` `json_schema` constrains the output.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "model": "atelier",
                     *       "messages": [
                     *         {
                     *           "role": "user",
                     *           "content": "Write fizzbuzz"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        /** @description Accepted; the server answers with its one model */
                        model?: string;
                        max_tokens?: number | null;
                        temperature?: number | null;
                        stop?: string | string[] | null;
                        n?: number | null;
                        stream?: boolean | null;
                        stream_options?: {
                            include_usage?: boolean;
                        } | null;
                        messages: {
                            role: "system" | "developer" | "user" | "assistant";
                            content: string | {
                                /** @enum {string} */
                                type: "text";
                                text: string;
                            }[];
                        }[];
                        max_completion_tokens?: number | null;
                        response_format?: {
                            /** @enum {string} */
                            type: "text";
                        } | {
                            /** @enum {string} */
                            type: "json_schema";
                            json_schema: {
                                name?: string;
                                schema: {
                                    [key: string]: unknown;
                                };
                                strict?: boolean | null;
                            };
                        };
                        /** @description Tool calls are not supported: only an empty list or null */
                        tools?: unknown[] | null;
                        /** @description Tool calls are not supported: only "none" or null */
                        tool_choice?: "none" | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            object: "chat.completion";
                            created: number;
                            model: string;
                            choices: {
                                index: number;
                                message: {
                                    /** @enum {string} */
                                    role: "assistant";
                                    content: string;
                                };
                                finish_reason: "stop" | "length";
                                logprobs: null;
                            }[];
                            usage: {
                                prompt_tokens: number;
                                completion_tokens: number;
                                total_tokens: number;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                message: string;
                                type: string;
                                param: string | null;
                                code: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                message: string;
                                type: string;
                                param: string | null;
                                code: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                message: string;
                                type: string;
                                param: string | null;
                                code: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                message: string;
                                type: string;
                                param: string | null;
                                code: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                message: string;
                                type: string;
                                param: string | null;
                                code: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                message: string;
                                type: string;
                                param: string | null;
                                code: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                message: string;
                                type: string;
                                param: string | null;
                                code: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/completions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Text completion (OpenAI-compatible, legacy)
         * @description Continues `prompt`; with `suffix` it fills the gap using the model’s FIM tokens (local engine). Streams like chat completions with `stream: true`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "model": "atelier",
                     *       "prompt": "def fib(n):\n    ",
                     *       "max_tokens": 32
                     *     }
                     */
                    "application/json": {
                        /** @description Accepted; the server answers with its one model */
                        model?: string;
                        max_tokens?: number | null;
                        temperature?: number | null;
                        stop?: string | string[] | null;
                        n?: number | null;
                        stream?: boolean | null;
                        stream_options?: {
                            include_usage?: boolean;
                        } | null;
                        prompt: string | string[];
                        suffix?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            object: "text_completion";
                            created: number;
                            model: string;
                            choices: {
                                index: number;
                                text: string;
                                finish_reason: "stop" | "length";
                                logprobs: null;
                            }[];
                            usage: {
                                prompt_tokens: number;
                                completion_tokens: number;
                                total_tokens: number;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                message: string;
                                type: string;
                                param: string | null;
                                code: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                message: string;
                                type: string;
                                param: string | null;
                                code: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                message: string;
                                type: string;
                                param: string | null;
                                code: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                message: string;
                                type: string;
                                param: string | null;
                                code: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                message: string;
                                type: string;
                                param: string | null;
                                code: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                message: string;
                                type: string;
                                param: string | null;
                                code: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                message: string;
                                type: string;
                                param: string | null;
                                code: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/models": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Models (OpenAI-compatible)
         * @description The one model the configured engine serves; use its `id` as `model`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            object: "list";
                            data: {
                                id: string;
                                /** @enum {string} */
                                object: "model";
                                created: number;
                                owned_by: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                message: string;
                                type: string;
                                param: string | null;
                                code: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                message: string;
                                type: string;
                                param: string | null;
                                code: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                message: string;
                                type: string;
                                param: string | null;
                                code: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                message: string;
                                type: string;
                                param: string | null;
                                code: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                message: string;
                                type: string;
                                param: string | null;
                                code: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                message: string;
                                type: string;
                                param: string | null;
                                code: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                message: string;
                                type: string;
                                param: string | null;
                                code: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/workspaces": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the caller's workspaces
         * @description Every workspace the caller is a member of, with their role; personal first.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /**
                                 * @description Opaque workspace id
                                 * @example w_3f6c0a1e9b7d4c2a8e5f1b0d7c9a2e4f
                                 */
                                id: string;
                                name: string;
                                /** @description The member's personal workspace, which v1 uses */
                                personal: boolean;
                                /** @description owner: everything and members; editor: read, write, AI; viewer: read */
                                role: "owner" | "editor" | "viewer";
                                /** Format: date-time */
                                created_at: string;
                                /** Format: date-time */
                                updated_at: string;
                            }[];
                        };
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a shared workspace
         * @description The caller becomes its owner.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @example backend */
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * @description Opaque workspace id
                             * @example w_3f6c0a1e9b7d4c2a8e5f1b0d7c9a2e4f
                             */
                            id: string;
                            name: string;
                            /** @description The member's personal workspace, which v1 uses */
                            personal: boolean;
                            /** @description owner: everything and members; editor: read, write, AI; viewer: read */
                            role: "owner" | "editor" | "viewer";
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List your jobs
         * @description Your jobs, newest first, without their results; filter by `status`.
         */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                    status?: "queued" | "running" | "succeeded" | "failed" | "cancelled";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Newest first, without `result` */
                            items: {
                                id: string;
                                kind: string;
                                workspace_id: string | null;
                                /** @enum {unknown} */
                                status: "queued" | "running" | "succeeded" | "failed" | "cancelled";
                                progress: {
                                    done: number;
                                    total: number;
                                };
                                attempts: number;
                                max_attempts: number;
                                request: {
                                    file_ids?: string[];
                                    path_prefix?: string;
                                    code_bytes?: number;
                                    language?: string;
                                    checks: string[];
                                };
                                /** Format: date-time */
                                created_at: string;
                                started_at: string | null;
                                finished_at: string | null;
                                /** Format: date-time */
                                updated_at: string;
                                result: {
                                    checks: string[];
                                    summary: {
                                        files: number;
                                        analyzed: number;
                                        failed: number;
                                        lines: number;
                                        symbols: number;
                                        functions: number;
                                        long_functions: number;
                                        duplicate_blocks: number;
                                        findings: number;
                                        max_complexity: number;
                                        max_nesting: number;
                                        most_complex: {
                                            path: string | null;
                                            function: string;
                                            complexity: number;
                                        } | null;
                                    };
                                    files: {
                                        file_id: string | null;
                                        path: string | null;
                                        language: string;
                                        /** @enum {unknown} */
                                        status: "analyzed" | "failed";
                                        error?: {
                                            code: string;
                                            detail: string;
                                        };
                                        lines?: number;
                                        bytes?: number;
                                        parsed?: boolean;
                                        symbol_count?: number;
                                        symbols?: {
                                            name: string;
                                            kind: string;
                                            start_line: number;
                                            end_line: number;
                                            /** @description Nested symbols, in the same shape */
                                            children: unknown[];
                                        }[];
                                        max_nesting?: number;
                                        max_complexity?: number;
                                        functions?: {
                                            name: string;
                                            kind: string;
                                            start_line: number;
                                            end_line: number;
                                            lines: number;
                                            /** @description One plus the branches, loops, cases and && / || */
                                            complexity: number;
                                            max_nesting: number;
                                        }[];
                                        long_functions?: {
                                            name: string;
                                            kind: string;
                                            start_line: number;
                                            end_line: number;
                                            lines: number;
                                            /** @description One plus the branches, loops, cases and && / || */
                                            complexity: number;
                                            max_nesting: number;
                                        }[];
                                        duplicates?: {
                                            lines: number;
                                            occurrences: {
                                                start_line: number;
                                                end_line: number;
                                            }[];
                                        }[];
                                        findings?: {
                                            line: number;
                                            /** @enum {unknown} */
                                            severity: "info" | "warning" | "error";
                                            /** @enum {unknown} */
                                            category: "bug" | "security" | "error_handling" | "complexity" | "naming" | "duplication" | "style" | "performance";
                                            message: string;
                                        }[];
                                        model?: string;
                                        model_error?: {
                                            code: string;
                                            detail: string;
                                        };
                                    }[];
                                } | null;
                                problem: {
                                    code: string;
                                    detail: string;
                                } | null;
                                links: {
                                    self: string;
                                    events: string;
                                };
                            }[];
                            total: number;
                            limit: number;
                            offset: number;
                        };
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/jobs/{job_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A job: status, progress, and its result or problem */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    job_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            kind: string;
                            workspace_id: string | null;
                            /** @enum {unknown} */
                            status: "queued" | "running" | "succeeded" | "failed" | "cancelled";
                            progress: {
                                done: number;
                                total: number;
                            };
                            attempts: number;
                            max_attempts: number;
                            request: {
                                file_ids?: string[];
                                path_prefix?: string;
                                code_bytes?: number;
                                language?: string;
                                checks: string[];
                            };
                            /** Format: date-time */
                            created_at: string;
                            started_at: string | null;
                            finished_at: string | null;
                            /** Format: date-time */
                            updated_at: string;
                            result: {
                                checks: string[];
                                summary: {
                                    files: number;
                                    analyzed: number;
                                    failed: number;
                                    lines: number;
                                    symbols: number;
                                    functions: number;
                                    long_functions: number;
                                    duplicate_blocks: number;
                                    findings: number;
                                    max_complexity: number;
                                    max_nesting: number;
                                    most_complex: {
                                        path: string | null;
                                        function: string;
                                        complexity: number;
                                    } | null;
                                };
                                files: {
                                    file_id: string | null;
                                    path: string | null;
                                    language: string;
                                    /** @enum {unknown} */
                                    status: "analyzed" | "failed";
                                    error?: {
                                        code: string;
                                        detail: string;
                                    };
                                    lines?: number;
                                    bytes?: number;
                                    parsed?: boolean;
                                    symbol_count?: number;
                                    symbols?: {
                                        name: string;
                                        kind: string;
                                        start_line: number;
                                        end_line: number;
                                        /** @description Nested symbols, in the same shape */
                                        children: unknown[];
                                    }[];
                                    max_nesting?: number;
                                    max_complexity?: number;
                                    functions?: {
                                        name: string;
                                        kind: string;
                                        start_line: number;
                                        end_line: number;
                                        lines: number;
                                        /** @description One plus the branches, loops, cases and && / || */
                                        complexity: number;
                                        max_nesting: number;
                                    }[];
                                    long_functions?: {
                                        name: string;
                                        kind: string;
                                        start_line: number;
                                        end_line: number;
                                        lines: number;
                                        /** @description One plus the branches, loops, cases and && / || */
                                        complexity: number;
                                        max_nesting: number;
                                    }[];
                                    duplicates?: {
                                        lines: number;
                                        occurrences: {
                                            start_line: number;
                                            end_line: number;
                                        }[];
                                    }[];
                                    findings?: {
                                        line: number;
                                        /** @enum {unknown} */
                                        severity: "info" | "warning" | "error";
                                        /** @enum {unknown} */
                                        category: "bug" | "security" | "error_handling" | "complexity" | "naming" | "duplication" | "style" | "performance";
                                        message: string;
                                    }[];
                                    model?: string;
                                    model_error?: {
                                        code: string;
                                        detail: string;
                                    };
                                }[];
                            } | null;
                            problem: {
                                code: string;
                                detail: string;
                            } | null;
                            links: {
                                self: string;
                                events: string;
                            };
                        };
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Cancel a job
         * @description Cancels a queued or running job (again: no change). A running job stops before its next file and its current generation is aborted. 409 once finished.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    job_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            kind: string;
                            workspace_id: string | null;
                            /** @enum {unknown} */
                            status: "queued" | "running" | "succeeded" | "failed" | "cancelled";
                            progress: {
                                done: number;
                                total: number;
                            };
                            attempts: number;
                            max_attempts: number;
                            request: {
                                file_ids?: string[];
                                path_prefix?: string;
                                code_bytes?: number;
                                language?: string;
                                checks: string[];
                            };
                            /** Format: date-time */
                            created_at: string;
                            started_at: string | null;
                            finished_at: string | null;
                            /** Format: date-time */
                            updated_at: string;
                            result: {
                                checks: string[];
                                summary: {
                                    files: number;
                                    analyzed: number;
                                    failed: number;
                                    lines: number;
                                    symbols: number;
                                    functions: number;
                                    long_functions: number;
                                    duplicate_blocks: number;
                                    findings: number;
                                    max_complexity: number;
                                    max_nesting: number;
                                    most_complex: {
                                        path: string | null;
                                        function: string;
                                        complexity: number;
                                    } | null;
                                };
                                files: {
                                    file_id: string | null;
                                    path: string | null;
                                    language: string;
                                    /** @enum {unknown} */
                                    status: "analyzed" | "failed";
                                    error?: {
                                        code: string;
                                        detail: string;
                                    };
                                    lines?: number;
                                    bytes?: number;
                                    parsed?: boolean;
                                    symbol_count?: number;
                                    symbols?: {
                                        name: string;
                                        kind: string;
                                        start_line: number;
                                        end_line: number;
                                        /** @description Nested symbols, in the same shape */
                                        children: unknown[];
                                    }[];
                                    max_nesting?: number;
                                    max_complexity?: number;
                                    functions?: {
                                        name: string;
                                        kind: string;
                                        start_line: number;
                                        end_line: number;
                                        lines: number;
                                        /** @description One plus the branches, loops, cases and && / || */
                                        complexity: number;
                                        max_nesting: number;
                                    }[];
                                    long_functions?: {
                                        name: string;
                                        kind: string;
                                        start_line: number;
                                        end_line: number;
                                        lines: number;
                                        /** @description One plus the branches, loops, cases and && / || */
                                        complexity: number;
                                        max_nesting: number;
                                    }[];
                                    duplicates?: {
                                        lines: number;
                                        occurrences: {
                                            start_line: number;
                                            end_line: number;
                                        }[];
                                    }[];
                                    findings?: {
                                        line: number;
                                        /** @enum {unknown} */
                                        severity: "info" | "warning" | "error";
                                        /** @enum {unknown} */
                                        category: "bug" | "security" | "error_handling" | "complexity" | "naming" | "duplication" | "style" | "performance";
                                        message: string;
                                    }[];
                                    model?: string;
                                    model_error?: {
                                        code: string;
                                        detail: string;
                                    };
                                }[];
                            } | null;
                            problem: {
                                code: string;
                                detail: string;
                            } | null;
                            links: {
                                self: string;
                                events: string;
                            };
                        };
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/jobs/{job_id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A job's events as server-sent events
         * @description Every event of the job from the start, or after `Last-Event-ID` (or `?last_event_id=`), then new ones as they happen: `queued`, `started`, `progress` (`{done, total, file}`), and one of `succeeded`, `failed`, `cancelled`, after which the stream ends. Each event has an `id` to resume from.
         */
        get: {
            parameters: {
                query?: {
                    /** @description As the Last-Event-ID header, for clients that cannot set it */
                    last_event_id?: number;
                };
                header?: never;
                path: {
                    job_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/workspaces/{workspace_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a workspace */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description Opaque workspace id
                     * @example w_3f6c0a1e9b7d4c2a8e5f1b0d7c9a2e4f
                     */
                    workspace_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * @description Opaque workspace id
                             * @example w_3f6c0a1e9b7d4c2a8e5f1b0d7c9a2e4f
                             */
                            id: string;
                            name: string;
                            /** @description The member's personal workspace, which v1 uses */
                            personal: boolean;
                            /** @description owner: everything and members; editor: read, write, AI; viewer: read */
                            role: "owner" | "editor" | "viewer";
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Delete a workspace
         * @description Owners only; deletes its files and their history. A personal workspace cannot be deleted (409 `personal_workspace`).
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description Opaque workspace id
                     * @example w_3f6c0a1e9b7d4c2a8e5f1b0d7c9a2e4f
                     */
                    workspace_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Rename a workspace
         * @description Owners only.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description Opaque workspace id
                     * @example w_3f6c0a1e9b7d4c2a8e5f1b0d7c9a2e4f
                     */
                    workspace_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @example backend */
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * @description Opaque workspace id
                             * @example w_3f6c0a1e9b7d4c2a8e5f1b0d7c9a2e4f
                             */
                            id: string;
                            name: string;
                            /** @description The member's personal workspace, which v1 uses */
                            personal: boolean;
                            /** @description owner: everything and members; editor: read, write, AI; viewer: read */
                            role: "owner" | "editor" | "viewer";
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v2/workspaces/{workspace_id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List members */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description Opaque workspace id
                     * @example w_3f6c0a1e9b7d4c2a8e5f1b0d7c9a2e4f
                     */
                    workspace_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                user_id: string;
                                username: string;
                                /** @description owner: everything and members; editor: read, write, AI; viewer: read */
                                role: "owner" | "editor" | "viewer";
                                /** Format: date-time */
                                created_at: string;
                            }[];
                        };
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Add a member
         * @description Owners only. 409 `member_exists` when the user already is a member.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description Opaque workspace id
                     * @example w_3f6c0a1e9b7d4c2a8e5f1b0d7c9a2e4f
                     */
                    workspace_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        username: string;
                        /** @description owner: everything and members; editor: read, write, AI; viewer: read */
                        role: "owner" | "editor" | "viewer";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user_id: string;
                            username: string;
                            /** @description owner: everything and members; editor: read, write, AI; viewer: read */
                            role: "owner" | "editor" | "viewer";
                            /** Format: date-time */
                            created_at: string;
                        };
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/workspaces/{workspace_id}/members/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a member
         * @description Owners remove anyone; any member may remove themselves (leave). 409 `last_owner` when it would leave no owner.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description Opaque workspace id
                     * @example w_3f6c0a1e9b7d4c2a8e5f1b0d7c9a2e4f
                     */
                    workspace_id: string;
                    user_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Change a member's role
         * @description Owners only. 409 `last_owner` when it would leave no owner.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description Opaque workspace id
                     * @example w_3f6c0a1e9b7d4c2a8e5f1b0d7c9a2e4f
                     */
                    workspace_id: string;
                    user_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description owner: everything and members; editor: read, write, AI; viewer: read */
                        role: "owner" | "editor" | "viewer";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user_id: string;
                            username: string;
                            /** @description owner: everything and members; editor: read, write, AI; viewer: read */
                            role: "owner" | "editor" | "viewer";
                            /** Format: date-time */
                            created_at: string;
                        };
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v2/workspaces/{workspace_id}/files": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List files
         * @description Lists the workspace’s files ordered by path, without content. Page with `cursor` (stable under concurrent writes) or `offset`; filter by `path_prefix` and `language`.
         */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    /** @description Not with `cursor` */
                    offset?: number;
                    /** @description Plain string prefix, case-sensitive: "src/" for a folder */
                    path_prefix?: string;
                    /** @description Lowercase language id; detected from the file name when omitted */
                    language?: string;
                };
                header?: never;
                path: {
                    /**
                     * @description Opaque workspace id
                     * @example w_3f6c0a1e9b7d4c2a8e5f1b0d7c9a2e4f
                     */
                    workspace_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /**
                                 * @description Opaque file id
                                 * @example f_q3v7k2m4x6a8c0e2g4i6k8m0o2
                                 */
                                id: string;
                                /** @example src/app.py */
                                path: string;
                                /** @example python */
                                language: string;
                                /** @description Content size in UTF-8 bytes */
                                size: number;
                                /** @description Bumped by every write */
                                version: number;
                                /** @description SHA-256 of the content, hex */
                                content_hash: string;
                                /** Format: date-time */
                                created_at: string;
                                /** Format: date-time */
                                updated_at: string;
                            }[];
                            /** @description Files matching the filters */
                            total: number;
                            /** @description Pass as `cursor` for the next page; absent on the last */
                            next_cursor?: string;
                        };
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a file
         * @description Stores a new file at version 1. The language is detected from the name unless given. Answers 409 `file_exists` when the caller already has a file at the path.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description Opaque workspace id
                     * @example w_3f6c0a1e9b7d4c2a8e5f1b0d7c9a2e4f
                     */
                    workspace_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description Relative POSIX path. Normalised (NFC, no "./" or repeated "/"); absolute paths, ".." segments, backslashes and control characters are refused
                         * @example src/app.py
                         */
                        path: string;
                        /**
                         * @description UTF-8 text without NUL; at most ATELIER_MAX_FILE_BYTES bytes
                         * @example print("hello")
                         */
                        content: string;
                        /**
                         * @description Lowercase language id; detected from the file name when omitted
                         * @example python
                         * @example typescript
                         * @example plaintext
                         */
                        language?: string;
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        /** @description Strong validator of this version */
                        etag?: string;
                        /** @description The file URL */
                        location?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * @description Opaque file id
                             * @example f_q3v7k2m4x6a8c0e2g4i6k8m0o2
                             */
                            id: string;
                            /** @example src/app.py */
                            path: string;
                            /** @example python */
                            language: string;
                            /** @description Content size in UTF-8 bytes */
                            size: number;
                            /** @description Bumped by every write */
                            version: number;
                            /** @description SHA-256 of the content, hex */
                            content_hash: string;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            content: string;
                        };
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/workspaces/{workspace_id}/files/{file_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a file
         * @description Returns the file with its content and ETag. Answers 304 when If-None-Match (weak comparison) matches the current ETag.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description Opaque workspace id
                     * @example w_3f6c0a1e9b7d4c2a8e5f1b0d7c9a2e4f
                     */
                    workspace_id: string;
                    file_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The file with its content */
                200: {
                    headers: {
                        /** @description Strong validator of this version */
                        etag?: string;
                        "cache-control"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * @description Opaque file id
                             * @example f_q3v7k2m4x6a8c0e2g4i6k8m0o2
                             */
                            id: string;
                            /** @example src/app.py */
                            path: string;
                            /** @example python */
                            language: string;
                            /** @description Content size in UTF-8 bytes */
                            size: number;
                            /** @description Bumped by every write */
                            version: number;
                            /** @description SHA-256 of the content, hex */
                            content_hash: string;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            content: string;
                        };
                    };
                };
                /** @description Not modified; the ETag header is repeated */
                304: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /**
         * Update a file
         * @description Changes any of content, path and language, and bumps the version. A rename without a language re-detects it unless it had been set by hand. Honours If-Match (strong comparison) and answers 412 `precondition_failed` when it does not match the current ETag, or when another write wins the race. Without If-Match the write proceeds unconditionally (last writer wins).
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description Opaque workspace id
                     * @example w_3f6c0a1e9b7d4c2a8e5f1b0d7c9a2e4f
                     */
                    workspace_id: string;
                    file_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description Relative POSIX path. Normalised (NFC, no "./" or repeated "/"); absolute paths, ".." segments, backslashes and control characters are refused
                         * @example src/app.py
                         */
                        path?: string;
                        /**
                         * @description UTF-8 text without NUL; at most ATELIER_MAX_FILE_BYTES bytes
                         * @example print("hello")
                         */
                        content?: string;
                        /**
                         * @description Lowercase language id; detected from the file name when omitted
                         * @example python
                         * @example typescript
                         * @example plaintext
                         */
                        language?: string;
                    };
                };
            };
            responses: {
                /** @description The file with its content */
                200: {
                    headers: {
                        /** @description Strong validator of this version */
                        etag?: string;
                        "cache-control"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * @description Opaque file id
                             * @example f_q3v7k2m4x6a8c0e2g4i6k8m0o2
                             */
                            id: string;
                            /** @example src/app.py */
                            path: string;
                            /** @example python */
                            language: string;
                            /** @description Content size in UTF-8 bytes */
                            size: number;
                            /** @description Bumped by every write */
                            version: number;
                            /** @description SHA-256 of the content, hex */
                            content_hash: string;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            content: string;
                        };
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        /**
         * Delete a file
         * @description Deletes the file. Honours If-Match (strong comparison) and answers 412 `precondition_failed` when it does not match the current ETag, or when another write wins the race. Without If-Match the write proceeds unconditionally (last writer wins).
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description Opaque workspace id
                     * @example w_3f6c0a1e9b7d4c2a8e5f1b0d7c9a2e4f
                     */
                    workspace_id: string;
                    file_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/workspaces/{workspace_id}/files/{file_id}/outline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A file's outline
         * @description Symbols (with ranges, signatures and nested members), imports and parse errors, from tree-sitter. Languages without a grammar answer `parsed: false`. The ETag is the file's, so `If-None-Match` answers 304 while the file is unchanged.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description Opaque workspace id
                     * @example w_3f6c0a1e9b7d4c2a8e5f1b0d7c9a2e4f
                     */
                    workspace_id: string;
                    file_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        /** @description The file version the outline is of */
                        etag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            file_id: string;
                            version: number;
                            language: string;
                            /** @description False for languages without a grammar, which are plain text */
                            parsed: boolean;
                            symbols: {
                                name: string;
                                /** @description function, method, class, interface, struct, enum, trait, module, type, … */
                                kind: string;
                                range: {
                                    start: {
                                        line: number;
                                        /** @description 1-based, in UTF-16 code units */
                                        column: number;
                                    };
                                    end: {
                                        line: number;
                                        /** @description 1-based, in UTF-16 code units */
                                        column: number;
                                    };
                                };
                                /** @description The definition up to its body */
                                signature: string;
                                children: {
                                    name: string;
                                    /** @description function, method, class, interface, struct, enum, trait, module, type, … */
                                    kind: string;
                                    range: {
                                        start: {
                                            line: number;
                                            /** @description 1-based, in UTF-16 code units */
                                            column: number;
                                        };
                                        end: {
                                            line: number;
                                            /** @description 1-based, in UTF-16 code units */
                                            column: number;
                                        };
                                    };
                                    /** @description The definition up to its body */
                                    signature: string;
                                    children: {
                                        name: string;
                                        /** @description function, method, class, interface, struct, enum, trait, module, type, … */
                                        kind: string;
                                        range: {
                                            start: {
                                                line: number;
                                                /** @description 1-based, in UTF-16 code units */
                                                column: number;
                                            };
                                            end: {
                                                line: number;
                                                /** @description 1-based, in UTF-16 code units */
                                                column: number;
                                            };
                                        };
                                        /** @description The definition up to its body */
                                        signature: string;
                                        children: {
                                            name: string;
                                            /** @description function, method, class, interface, struct, enum, trait, module, type, … */
                                            kind: string;
                                            range: {
                                                start: {
                                                    line: number;
                                                    /** @description 1-based, in UTF-16 code units */
                                                    column: number;
                                                };
                                                end: {
                                                    line: number;
                                                    /** @description 1-based, in UTF-16 code units */
                                                    column: number;
                                                };
                                            };
                                            /** @description The definition up to its body */
                                            signature: string;
                                            children: unknown[];
                                        }[];
                                    }[];
                                }[];
                            }[];
                            imports: {
                                text: string;
                                range: {
                                    start: {
                                        line: number;
                                        /** @description 1-based, in UTF-16 code units */
                                        column: number;
                                    };
                                    end: {
                                        line: number;
                                        /** @description 1-based, in UTF-16 code units */
                                        column: number;
                                    };
                                };
                            }[];
                            errors: {
                                kind: "error" | "missing";
                                message: string;
                                range: {
                                    start: {
                                        line: number;
                                        /** @description 1-based, in UTF-16 code units */
                                        column: number;
                                    };
                                    end: {
                                        line: number;
                                        /** @description 1-based, in UTF-16 code units */
                                        column: number;
                                    };
                                };
                                /** @description The source line where the problem starts */
                                snippet: string;
                            }[];
                        };
                    };
                };
                /** @description Not modified */
                304: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/workspaces/{workspace_id}/files/{file_id}/edits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Apply edits to a file
         * @description Applies search/replace `edits` (in order, each to the result of the previous) or a one-file unified `diff`, all or nothing. Requires If-Match (428 without, 412 when stale). A search text that does not occur exactly once, or a hunk that does not fit, answers 409 `edit_conflict` with `edit_index` and the closest `candidate` region. A result with syntax errors the file did not have answers 422 `syntax_error` unless `force`. `?dry_run=true` returns the diff without writing.
         */
        post: {
            parameters: {
                query?: {
                    /** @description Only return the diff */
                    dry_run?: boolean;
                };
                header?: never;
                path: {
                    /**
                     * @description Opaque workspace id
                     * @example w_3f6c0a1e9b7d4c2a8e5f1b0d7c9a2e4f
                     */
                    workspace_id: string;
                    file_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "edits": [
                     *         {
                     *           "search": "return n\n",
                     *           "replace": "return max(n, 0)\n"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        edits: {
                            search: string;
                            replace: string;
                        }[];
                        /** @description Apply even if the result has syntax errors the file did not have (default false) */
                        force?: boolean;
                    } | {
                        diff: string;
                        /** @description Apply even if the result has syntax errors the file did not have (default false) */
                        force?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        /** @description The file's ETag after the request */
                        etag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            dry_run: boolean;
                            /** @description False on a dry run or when nothing changed */
                            written: boolean;
                            /** @description Unified diff from the old content to the new */
                            diff: string;
                            /** @description Size of the resulting content, UTF-8 bytes */
                            size: number;
                            /** @description SHA-256 of the resulting content */
                            content_hash: string;
                            /** @description After a write */
                            file?: {
                                /**
                                 * @description Opaque file id
                                 * @example f_q3v7k2m4x6a8c0e2g4i6k8m0o2
                                 */
                                id: string;
                                /** @example src/app.py */
                                path: string;
                                /** @example python */
                                language: string;
                                /** @description Content size in UTF-8 bytes */
                                size: number;
                                /** @description Bumped by every write */
                                version: number;
                                /** @description SHA-256 of the content, hex */
                                content_hash: string;
                                /** Format: date-time */
                                created_at: string;
                                /** Format: date-time */
                                updated_at: string;
                                content: string;
                            };
                        };
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/workspaces/{workspace_id}/repo-map": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Repository map
         * @description The most relevant symbols across the caller's files: files reference one another through the names they use and define; a PageRank over those references (toward `file_id` when given) ranks the definitions, and the best fit in `budget` tokens.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Most tokens the map may take */
                    budget?: number;
                    /** @description Rank toward this file: what it uses and what is near it */
                    file_id?: string;
                };
                header?: never;
                path: {
                    /**
                     * @description Opaque workspace id
                     * @example w_3f6c0a1e9b7d4c2a8e5f1b0d7c9a2e4f
                     */
                    workspace_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            budget: number;
                            /** @description Tokens the text takes */
                            tokens: number;
                            /**
                             * @description `engine`: counted with the model's tokenizer; `estimate` before it is ready
                             * @enum {unknown}
                             */
                            token_count: "engine" | "estimate";
                            files_considered: number;
                            files_parsed: number;
                            /** @description Best ranked first */
                            entries: {
                                file_id: string;
                                path: string;
                                name: string;
                                kind: string;
                                signature: string;
                                line: number;
                                rank: number;
                            }[];
                            /** @description The map as a model sees it */
                            text: string;
                        };
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/workspaces/{workspace_id}/files/{file_id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a file's versions
         * @description Every write (create, update, rename, delete, restore, undo) is a version, newest first, without content. Deleted files keep their history.
         */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                };
                header?: never;
                path: {
                    /**
                     * @description Opaque workspace id
                     * @example w_3f6c0a1e9b7d4c2a8e5f1b0d7c9a2e4f
                     */
                    workspace_id: string;
                    file_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description The file's version after this write */
                                n: number;
                                path: string;
                                language: string;
                                size: number;
                                content_hash: string | null;
                                /** @description This write deleted the file */
                                deleted: boolean;
                                /**
                                 * @example manual
                                 * @example ai-edit
                                 * @example restore
                                 * @example undo
                                 * @example delete
                                 */
                                reason: string;
                                /** @description ai-edit: the AI operation */
                                operation?: string;
                                /** @description ai-edit: the model */
                                model?: string;
                                /** @description restore and undo: the version whose state was copied */
                                restored_from?: number;
                                author: {
                                    id: string;
                                    username: string;
                                } | null;
                                /** Format: date-time */
                                created_at: string;
                            }[];
                            total: number;
                        };
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/workspaces/{workspace_id}/files/{file_id}/versions/{n}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read one version
         * @description The version with its content (null when it deleted the file).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description Opaque workspace id
                     * @example w_3f6c0a1e9b7d4c2a8e5f1b0d7c9a2e4f
                     */
                    workspace_id: string;
                    file_id: string;
                    n: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The file's version after this write */
                            n: number;
                            path: string;
                            language: string;
                            size: number;
                            content_hash: string | null;
                            /** @description This write deleted the file */
                            deleted: boolean;
                            /**
                             * @example manual
                             * @example ai-edit
                             * @example restore
                             * @example undo
                             * @example delete
                             */
                            reason: string;
                            /** @description ai-edit: the AI operation */
                            operation?: string;
                            /** @description ai-edit: the model */
                            model?: string;
                            /** @description restore and undo: the version whose state was copied */
                            restored_from?: number;
                            author: {
                                id: string;
                                username: string;
                            } | null;
                            /** Format: date-time */
                            created_at: string;
                            content: string | null;
                        };
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/workspaces/{workspace_id}/files/{file_id}/versions/{n}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Restore a version
         * @description Writes version `n`’s path, language and content as a new version (reason `restore`), undeleting the file if needed. 409 `version_is_deletion` when `n` deleted the file; 409 `file_exists` when its path is taken. Honours If-Match (412 when stale); the write is pinned to the version read, so a concurrent write makes it 412 too.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description Opaque workspace id
                     * @example w_3f6c0a1e9b7d4c2a8e5f1b0d7c9a2e4f
                     */
                    workspace_id: string;
                    file_id: string;
                    n: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The file after the write */
                200: {
                    headers: {
                        etag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * @description Opaque file id
                             * @example f_q3v7k2m4x6a8c0e2g4i6k8m0o2
                             */
                            id: string;
                            /** @example src/app.py */
                            path: string;
                            /** @example python */
                            language: string;
                            /** @description Content size in UTF-8 bytes */
                            size: number;
                            /** @description Bumped by every write */
                            version: number;
                            /** @description SHA-256 of the content, hex */
                            content_hash: string;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            content: string | null;
                            deleted_at: string | null;
                        };
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/workspaces/{workspace_id}/files/{file_id}/undo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Undo the most recent change
         * @description Writes the previous version again (reason `undo`). Undoing again steps further back; undoing a deletion restores the file, undoing a restore of a deleted file deletes it again. 409 `nothing_to_undo` at the first version (a create is undone by deleting the file). Honours If-Match (412 when stale); the write is pinned to the version read, so a concurrent write makes it 412 too.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description Opaque workspace id
                     * @example w_3f6c0a1e9b7d4c2a8e5f1b0d7c9a2e4f
                     */
                    workspace_id: string;
                    file_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The file after the write */
                200: {
                    headers: {
                        etag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * @description Opaque file id
                             * @example f_q3v7k2m4x6a8c0e2g4i6k8m0o2
                             */
                            id: string;
                            /** @example src/app.py */
                            path: string;
                            /** @example python */
                            language: string;
                            /** @description Content size in UTF-8 bytes */
                            size: number;
                            /** @description Bumped by every write */
                            version: number;
                            /** @description SHA-256 of the content, hex */
                            content_hash: string;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            content: string | null;
                            deleted_at: string | null;
                        };
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/workspaces/{workspace_id}/trash": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List deleted files
         * @description Deleted files, most recently deleted first; restore them by id.
         */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                };
                header?: never;
                path: {
                    /**
                     * @description Opaque workspace id
                     * @example w_3f6c0a1e9b7d4c2a8e5f1b0d7c9a2e4f
                     */
                    workspace_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /**
                                 * @description Opaque file id
                                 * @example f_q3v7k2m4x6a8c0e2g4i6k8m0o2
                                 */
                                id: string;
                                /** @example src/app.py */
                                path: string;
                                /** @example python */
                                language: string;
                                /** @description Content size in UTF-8 bytes */
                                size: number;
                                /** @description Bumped by every write */
                                version: number;
                                /** @description SHA-256 of the content, hex */
                                content_hash: string;
                                /** Format: date-time */
                                created_at: string;
                                /** Format: date-time */
                                updated_at: string;
                                /** Format: date-time */
                                deleted_at: string;
                            }[];
                        };
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/workspaces/{workspace_id}/files/{file_id}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Restore a deleted file
         * @description Brings a deleted file back with its last content (reason `restore`). 409 `file_not_deleted` for a live file; 409 `file_exists` when its path is taken. Honours If-Match (412 when stale); the write is pinned to the version read, so a concurrent write makes it 412 too.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description Opaque workspace id
                     * @example w_3f6c0a1e9b7d4c2a8e5f1b0d7c9a2e4f
                     */
                    workspace_id: string;
                    file_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The file after the write */
                200: {
                    headers: {
                        etag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * @description Opaque file id
                             * @example f_q3v7k2m4x6a8c0e2g4i6k8m0o2
                             */
                            id: string;
                            /** @example src/app.py */
                            path: string;
                            /** @example python */
                            language: string;
                            /** @description Content size in UTF-8 bytes */
                            size: number;
                            /** @description Bumped by every write */
                            version: number;
                            /** @description SHA-256 of the content, hex */
                            content_hash: string;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            content: string | null;
                            deleted_at: string | null;
                        };
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/workspaces/{workspace_id}/export.tar": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export as a git repository
         * @description A tar of a git repository (branch `main`, checked out) with one commit per version of every file in write order: author = the version’s author, time = the write’s time, message = `reason: path` (AI edits add operation and model). Files under a `.git` folder are left out.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description Opaque workspace id
                     * @example w_3f6c0a1e9b7d4c2a8e5f1b0d7c9a2e4f
                     */
                    workspace_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A tar archive holding one folder, `atelier-export`: a git repository */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/x-tar": string;
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/workspaces/{workspace_id}/ai/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Complete code at the cursor
         * @description Completes `code` (the text before the cursor), or a stored file at `cursor`. With a `suffix` (or a cursor inside a file) it is a fill-in-the-middle completion using the model's FIM tokens when it has them. `max_time_ms` caps generation time. The `Server-Timing` header splits queue, prompt and generation. With `stream: true` the answer is `text/event-stream`: `token` events (`{"text"}`) as text is generated, then one `done` event with the fields of the JSON answer, or an `error` event with a problem body; see the README. With `temperature: 0` answers are cached: `X-Cache` (`hit`, `miss` or `bypass`) and `cached` say whether this one was; `cache: false` or `Cache-Control: no-store` opts out, `Cache-Control: no-cache` skips the lookup but stores the fresh answer.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description Opaque workspace id
                     * @example w_3f6c0a1e9b7d4c2a8e5f1b0d7c9a2e4f
                     */
                    workspace_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "code": "def fib(n):\n    ",
                     *       "language": "python",
                     *       "max_tokens": 64
                     *     }
                     */
                    "application/json": {
                        /** @description The code; or give `file_id`. */
                        code?: string;
                        /** @description A stored file to work on. */
                        file_id?: string;
                        /**
                         * @description Language id such as `python` or `typescript`; taken from the file when omitted.
                         * @example python
                         */
                        language?: string;
                        suffix?: string;
                        cursor?: {
                            /** @description 1-based line */
                            line: number;
                            /** @description 1-based column, in characters */
                            column: number;
                        };
                        stop?: string[];
                        /** @default 128 */
                        max_tokens?: number;
                        /** @default 0.2 */
                        temperature?: number;
                        /** @description Stop generating after this long and answer with what there is. */
                        max_time_ms?: number;
                        /**
                         * @description Answer with server-sent events (`text/event-stream`) as text is generated.
                         * @default false
                         */
                        stream?: boolean;
                        /**
                         * @description With `temperature: 0`, serve and store the answer in the answer cache; `false` neither reads nor writes it.
                         * @default true
                         */
                        cache?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            completion: string;
                            /**
                             * @description `infill` used FIM tokens, `text` continued the code, `chat` a prompt
                             * @enum {unknown}
                             */
                            mode: "infill" | "text" | "chat";
                            /** @description Whether distant code was left out to fit */
                            context_trimmed: boolean;
                            model: string;
                            /** @enum {unknown} */
                            finish_reason: "stop" | "length" | "time_limit" | "cancelled";
                            /** @description Served from the answer cache: no tokens were charged for it */
                            cached: boolean;
                            usage: {
                                prompt_tokens: number;
                                completion_tokens: number;
                                total_tokens: number;
                            };
                        };
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/workspaces/{workspace_id}/ai/explain": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Explain code
         * @description Explains `code` or a stored file in Markdown, optionally answering `question`. With `stream: true` the answer is `text/event-stream`: `token` events (`{"text"}`) as text is generated, then one `done` event with the fields of the JSON answer, or an `error` event with a problem body; see the README. With `temperature: 0` answers are cached: `X-Cache` (`hit`, `miss` or `bypass`) and `cached` say whether this one was; `cache: false` or `Cache-Control: no-store` opts out, `Cache-Control: no-cache` skips the lookup but stores the fresh answer.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description Opaque workspace id
                     * @example w_3f6c0a1e9b7d4c2a8e5f1b0d7c9a2e4f
                     */
                    workspace_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "code": "print(sum(range(10)))",
                     *       "language": "python"
                     *     }
                     */
                    "application/json": {
                        /** @description The code; or give `file_id`. */
                        code?: string;
                        /** @description A stored file to work on. */
                        file_id?: string;
                        /**
                         * @description Language id such as `python` or `typescript`; taken from the file when omitted.
                         * @example python
                         */
                        language?: string;
                        question?: string;
                        /** @default 512 */
                        max_tokens?: number;
                        /** @default 0.2 */
                        temperature?: number;
                        /** @description Stop generating after this long and answer with what there is. */
                        max_time_ms?: number;
                        /**
                         * @description Answer with server-sent events (`text/event-stream`) as text is generated.
                         * @default false
                         */
                        stream?: boolean;
                        /**
                         * @description With `temperature: 0`, serve and store the answer in the answer cache; `false` neither reads nor writes it.
                         * @default true
                         */
                        cache?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Markdown */
                            explanation: string;
                            model: string;
                            /** @enum {unknown} */
                            finish_reason: "stop" | "length" | "time_limit" | "cancelled";
                            /** @description Served from the answer cache: no tokens were charged for it */
                            cached: boolean;
                            usage: {
                                prompt_tokens: number;
                                completion_tokens: number;
                                total_tokens: number;
                            };
                        };
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/workspaces/{workspace_id}/ai/refactor": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Suggest refactorings with concrete edits
         * @description Returns suggestions, each with a title, a rationale and an edit (a search text found exactly once in the input and its replacement, plus the same edit as a unified diff). The model's output is constrained to a JSON schema and every edit is checked to apply cleanly; `discarded` counts the ones that did not. With `apply: true` (and `file_id`, plus If-Match or `expected_version`: 428 without, 412 when stale) the chosen suggestions (`apply_indices`, default all) are applied in one atomic edit, as POST /files/{id}/edits does (409, 422 `syntax_error` unless `force`); `applied` holds the diff and the updated file. With `stream: true` the answer is `text/event-stream`: `token` events (`{"text"}`) as text is generated, then one `done` event with the fields of the JSON answer, or an `error` event with a problem body; see the README. With `temperature: 0` answers are cached: `X-Cache` (`hit`, `miss` or `bypass`) and `cached` say whether this one was; `cache: false` or `Cache-Control: no-store` opts out, `Cache-Control: no-cache` skips the lookup but stores the fresh answer.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description Opaque workspace id
                     * @example w_3f6c0a1e9b7d4c2a8e5f1b0d7c9a2e4f
                     */
                    workspace_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "code": "x = 1\nif x == 1:\n    print(\"one\")",
                     *       "language": "python"
                     *     }
                     */
                    "application/json": {
                        /** @description The code; or give `file_id`. */
                        code?: string;
                        /** @description A stored file to work on. */
                        file_id?: string;
                        /**
                         * @description Language id such as `python` or `typescript`; taken from the file when omitted.
                         * @example python
                         */
                        language?: string;
                        instructions?: string;
                        /** @default 3 */
                        max_suggestions?: number;
                        /**
                         * @description Apply the suggestions to the stored file (`file_id`) in one atomic edit; needs If-Match or `expected_version`
                         * @default false
                         */
                        apply?: boolean;
                        /** @description Which suggestions to apply, in this order; all when omitted */
                        apply_indices?: number[];
                        /** @description The file version the caller saw; or If-Match */
                        expected_version?: number;
                        /**
                         * @description Apply even if the result has syntax errors the file did not have
                         * @default false
                         */
                        force?: boolean;
                        /** @default 1024 */
                        max_tokens?: number;
                        /** @default 0 */
                        temperature?: number;
                        /** @description Stop generating after this long and answer with what there is. */
                        max_time_ms?: number;
                        /**
                         * @description Answer with server-sent events (`text/event-stream`) as text is generated.
                         * @default false
                         */
                        stream?: boolean;
                        /**
                         * @description With `temperature: 0`, serve and store the answer in the answer cache; `false` neither reads nor writes it.
                         * @default true
                         */
                        cache?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            suggestions: {
                                title: string;
                                rationale: string;
                                edit: {
                                    /** @description Exact text found once in the input */
                                    search: string;
                                    replace: string;
                                };
                                /** @description The edit as a unified diff */
                                diff: string;
                            }[];
                            /** @description Suggestions dropped because they did not apply */
                            discarded: number;
                            applied?: {
                                /** @description The suggestions applied, in order */
                                indices: number[];
                                /** @description False when the chosen edits changed nothing */
                                written: boolean;
                                diff: string;
                                /** @description The file's ETag after the edit */
                                etag: string;
                                file: {
                                    /**
                                     * @description Opaque file id
                                     * @example f_q3v7k2m4x6a8c0e2g4i6k8m0o2
                                     */
                                    id: string;
                                    /** @example src/app.py */
                                    path: string;
                                    /** @example python */
                                    language: string;
                                    /** @description Content size in UTF-8 bytes */
                                    size: number;
                                    /** @description Bumped by every write */
                                    version: number;
                                    /** @description SHA-256 of the content, hex */
                                    content_hash: string;
                                    /** Format: date-time */
                                    created_at: string;
                                    /** Format: date-time */
                                    updated_at: string;
                                    content: string;
                                };
                            };
                            model: string;
                            /** @enum {unknown} */
                            finish_reason: "stop" | "length" | "time_limit" | "cancelled";
                            /** @description Served from the answer cache: no tokens were charged for it */
                            cached: boolean;
                            usage: {
                                prompt_tokens: number;
                                completion_tokens: number;
                                total_tokens: number;
                            };
                        };
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/workspaces/{workspace_id}/ai/analyze": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Analyse files in the background
         * @description Queues an analysis of stored files (`file_ids`, or every file under `path_prefix`) or of `code`, and answers 202 with the job and its `Location`. Per file: symbols, size, nesting and complexity figures, long functions and duplicated blocks from tree-sitter, plus the model's findings; `checks` picks the parts. Follow the job at GET /jobs/{id} or its events.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description Opaque workspace id
                     * @example w_3f6c0a1e9b7d4c2a8e5f1b0d7c9a2e4f
                     */
                    workspace_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "path_prefix": "src/",
                     *       "checks": [
                     *         "metrics",
                     *         "duplicates",
                     *         "model"
                     *       ]
                     *     }
                     */
                    "application/json": {
                        file_ids?: string[];
                        path_prefix?: string;
                        code?: string;
                        language?: string;
                        /**
                         * @description Which parts run; all of them by default
                         * @default [
                         *       "symbols",
                         *       "metrics",
                         *       "long_functions",
                         *       "duplicates",
                         *       "model"
                         *     ]
                         */
                        checks?: ("symbols" | "metrics" | "long_functions" | "duplicates" | "model")[];
                        /**
                         * @description Most tokens of the model's findings per file
                         * @default 512
                         */
                        max_tokens?: number;
                        /** @default 5 */
                        max_findings?: number;
                        /**
                         * @description Functions with at least this many lines are long
                         * @default 50
                         */
                        long_function_lines?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            kind: string;
                            workspace_id: string | null;
                            /** @enum {unknown} */
                            status: "queued" | "running" | "succeeded" | "failed" | "cancelled";
                            progress: {
                                done: number;
                                total: number;
                            };
                            attempts: number;
                            max_attempts: number;
                            request: {
                                file_ids?: string[];
                                path_prefix?: string;
                                code_bytes?: number;
                                language?: string;
                                checks: string[];
                            };
                            /** Format: date-time */
                            created_at: string;
                            started_at: string | null;
                            finished_at: string | null;
                            /** Format: date-time */
                            updated_at: string;
                            result: {
                                checks: string[];
                                summary: {
                                    files: number;
                                    analyzed: number;
                                    failed: number;
                                    lines: number;
                                    symbols: number;
                                    functions: number;
                                    long_functions: number;
                                    duplicate_blocks: number;
                                    findings: number;
                                    max_complexity: number;
                                    max_nesting: number;
                                    most_complex: {
                                        path: string | null;
                                        function: string;
                                        complexity: number;
                                    } | null;
                                };
                                files: {
                                    file_id: string | null;
                                    path: string | null;
                                    language: string;
                                    /** @enum {unknown} */
                                    status: "analyzed" | "failed";
                                    error?: {
                                        code: string;
                                        detail: string;
                                    };
                                    lines?: number;
                                    bytes?: number;
                                    parsed?: boolean;
                                    symbol_count?: number;
                                    symbols?: {
                                        name: string;
                                        kind: string;
                                        start_line: number;
                                        end_line: number;
                                        /** @description Nested symbols, in the same shape */
                                        children: unknown[];
                                    }[];
                                    max_nesting?: number;
                                    max_complexity?: number;
                                    functions?: {
                                        name: string;
                                        kind: string;
                                        start_line: number;
                                        end_line: number;
                                        lines: number;
                                        /** @description One plus the branches, loops, cases and && / || */
                                        complexity: number;
                                        max_nesting: number;
                                    }[];
                                    long_functions?: {
                                        name: string;
                                        kind: string;
                                        start_line: number;
                                        end_line: number;
                                        lines: number;
                                        /** @description One plus the branches, loops, cases and && / || */
                                        complexity: number;
                                        max_nesting: number;
                                    }[];
                                    duplicates?: {
                                        lines: number;
                                        occurrences: {
                                            start_line: number;
                                            end_line: number;
                                        }[];
                                    }[];
                                    findings?: {
                                        line: number;
                                        /** @enum {unknown} */
                                        severity: "info" | "warning" | "error";
                                        /** @enum {unknown} */
                                        category: "bug" | "security" | "error_handling" | "complexity" | "naming" | "duplication" | "style" | "performance";
                                        message: string;
                                    }[];
                                    model?: string;
                                    model_error?: {
                                        code: string;
                                        detail: string;
                                    };
                                }[];
                            } | null;
                            problem: {
                                code: string;
                                detail: string;
                            } | null;
                            links: {
                                self: string;
                                events: string;
                            };
                        };
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description RFC 9457 problem details with a stable `code` */
        Problem: {
            type: string;
            title: string;
            status: number;
            detail: string;
            instance: string;
            /** @enum {unknown} */
            code: "validation_failed" | "malformed_request" | "unsupported_media_type" | "payload_too_large" | "request_too_large" | "request_timeout" | "not_authenticated" | "invalid_credentials" | "invalid_token" | "invalid_refresh_token" | "refresh_token_reused" | "forbidden" | "not_found" | "user_not_found" | "file_not_found" | "api_key_not_found" | "method_not_allowed" | "user_exists" | "file_exists" | "path_conflict" | "self_lockout" | "precondition_failed" | "precondition_required" | "edit_conflict" | "syntax_error" | "invalid_diff" | "invalid_path" | "invalid_content" | "input_too_long" | "unsupported_json_schema" | "rate_limited" | "concurrency_limited" | "token_budget_exceeded" | "engine_unavailable" | "engine_failed" | "engine_output_invalid" | "service_unavailable" | "database_unavailable" | "database_timeout" | "malformed_message" | "upgrade_required" | "request_not_found" | "duplicate_request_id" | "too_many_in_flight" | "server_busy" | "server_overloaded" | "internal_error" | "workspace_not_found" | "member_not_found" | "version_not_found" | "role_forbidden" | "member_exists" | "last_owner" | "personal_workspace" | "nothing_to_undo" | "version_is_deletion" | "file_not_deleted" | "redis_unavailable" | "job_not_found" | "job_finished" | "job_limit_reached";
            request_id: string;
            errors?: {
                field: string;
                message: string;
            }[];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
