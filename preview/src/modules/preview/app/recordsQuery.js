// The records the preview can open, for the record switcher: a few of each supported object.
import { gql } from 'lightning/graphql';

export const RECORDS_QUERY = gql`
    query previewRecords {
        uiapi {
            query {
                Contact(first: 200, orderBy: { LastName: { order: ASC } }) {
                    edges {
                        node {
                            Id
                            Name {
                                value
                            }
                        }
                    }
                }
                Lead(first: 100, orderBy: { LastName: { order: ASC } }) {
                    edges {
                        node {
                            Id
                            Name {
                                value
                            }
                        }
                    }
                }
                Account(first: 100, orderBy: { Name: { order: ASC } }) {
                    edges {
                        node {
                            Id
                            Name {
                                value
                            }
                        }
                    }
                }
                Case(first: 100, orderBy: { CaseNumber: { order: ASC } }) {
                    edges {
                        node {
                            Id
                            CaseNumber {
                                value
                            }
                            Subject {
                                value
                            }
                        }
                    }
                }
            }
        }
    }
`;
